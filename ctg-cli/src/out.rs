//! Standard output. `println!` panics when the reader of a pipe has gone (`ctg report --json |
//! head`); these macros end the process instead, quietly and with status 141 — what a program
//! killed by `SIGPIPE` reports, as `cat` or `grep` would — and any other write error with a
//! message and status 2.

use std::io::Write as _;

/// Writes to standard output, like `print!`.
macro_rules! out {
    ($($arg:tt)*) => { $crate::out::write(format_args!($($arg)*), false) };
}

/// Writes a line to standard output, like `println!`.
macro_rules! outln {
    () => { $crate::out::write(format_args!(""), true) };
    ($($arg:tt)*) => { $crate::out::write(format_args!($($arg)*), true) };
}

/// The exit status of a program whose output pipe was closed (128 + `SIGPIPE`).
const BROKEN_PIPE: i32 = 141;

/// Writes `args` (and a line feed when `newline`) to standard output, or ends the process.
pub fn write(args: std::fmt::Arguments<'_>, newline: bool) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_fmt(args).and_then(|()| {
        if newline {
            stdout.write_all(b"\n")
        } else {
            Ok(())
        }
    });
    if let Err(error) = written {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(BROKEN_PIPE);
        }
        eprintln!("ctg: cannot write to standard output: {error}");
        std::process::exit(2);
    }
}
