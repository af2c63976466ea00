//! Lets plain `cargo test` run the crate's tests, which embed Python: they link libpython (no
//! `extension-module` feature), so the test binaries get an rpath to the interpreter's library
//! directory. Under maturin (`PYO3_BUILD_EXTENSION_MODULE` set) libpython is not linked and this
//! adds nothing to the wheel.
fn main() {
    pyo3_build_config::add_libpython_rpath_link_args();
}
