//! Prints core's catalogue as the package's constants need it (issue codes with their
//! severities, convention and indicator statuses, default limits), as JSON: `ctg-wasm/build.sh`
//! writes `catalogue.js` and `catalogue.d.ts` from it. A host program rather than an export of
//! the module, which would carry it for nothing: the constants are there before `init()`.

fn main() {
    match serde_json::to_string(&ctg_wasm::bridge::catalogue()) {
        Ok(json) => println!("{json}"),
        Err(error) => {
            eprintln!("catalogue: {error}");
            std::process::exit(1);
        }
    }
}
