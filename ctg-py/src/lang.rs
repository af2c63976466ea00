//! The language of messages: given per call (`lang="en"`), or the current one, which the
//! package keeps (`ctg.set_language`, `with ctg.language("en"):`, see `ctg/_lang.py`).

use ctg_core::Lang;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static GET_LANGUAGE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A language name read by core (`"fr"`, `"EN"`, `"english"`…); an unknown one raises
/// `ValueError` with core's message.
pub(crate) fn parse(lang: &str) -> PyResult<Lang> {
    lang.parse::<Lang>()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The current language (`ctg.get_language()`).
pub(crate) fn current(py: Python<'_>) -> PyResult<Lang> {
    let get = GET_LANGUAGE.get_or_try_init(py, || {
        py.import("ctg._lang")?
            .getattr("get_language")
            .map(Bound::unbind)
    })?;
    parse(&get.bind(py).call0()?.extract::<String>()?)
}

/// `lang` when given, else the current language.
pub(crate) fn resolve(py: Python<'_>, lang: Option<&str>) -> PyResult<Lang> {
    match lang {
        Some(lang) => parse(lang),
        None => current(py),
    }
}

/// The code of a language: `"fr"` or `"en"`.
pub(crate) fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// A language name read the way core reads it (`"fr"`, `"EN"`, `"english"`…) as `"fr"` or
/// `"en"`; an unknown name raises `ValueError` with core's message.
#[pyfunction]
pub(crate) fn _lang(lang: &str) -> PyResult<&'static str> {
    parse(lang).map(code)
}

/// The text of one of core's labels (`ctg_core::render::Label`, by its code) in `lang`: the
/// column headers of frames with `labels=`, the same words the tables' writers print. An
/// unknown code raises `ValueError`.
#[pyfunction]
pub(crate) fn _label(code: &str, lang: &str) -> PyResult<&'static str> {
    let lang = parse(lang)?;
    ctg_core::render::Label::ALL
        .iter()
        .find(|l| l.code() == code)
        .map(|l| l.text(lang))
        .ok_or_else(|| PyValueError::new_err(format!("no label {code:?} in core's table")))
}
