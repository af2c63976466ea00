//! A progress bar on standard error, drawn only when standard error is a terminal (never into a
//! file or a pipe), at most ten times a second, and erased when the work is done.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The bar's width, in characters.
const WIDTH: usize = 30;

/// A progress bar (or nothing, when standard error is not a terminal).
pub struct Progress {
    /// When it was last drawn; `None` when it is not drawn at all.
    drawn: Option<Mutex<Option<Instant>>>,
}

impl Progress {
    /// A bar when standard error is a terminal, else nothing.
    pub fn on_terminal() -> Progress {
        Progress {
            drawn: std::io::stderr().is_terminal().then(|| Mutex::new(None)),
        }
    }

    /// Says that `done` of `total` are done (from any thread).
    pub fn update(&self, done: usize, total: usize) {
        let Some(drawn) = &self.drawn else {
            return;
        };
        let Ok(mut last) = drawn.lock() else {
            return;
        };
        let now = Instant::now();
        if done < total && last.is_some_and(|t| now - t < Duration::from_millis(100)) {
            return;
        }
        *last = Some(now);
        let filled = (done * WIDTH)
            .checked_div(total)
            .unwrap_or(WIDTH)
            .min(WIDTH);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r[{}{}] {done}/{total}",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled)
        );
        let _ = err.flush();
    }

    /// Erases the bar, if it was drawn.
    pub fn finish(&self) {
        let Some(drawn) = &self.drawn else {
            return;
        };
        if drawn.lock().is_ok_and(|last| last.is_some()) {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
