//! `Validator::read_tree`: JSON text read as a tree by core's rules keeps every value as written,
//! or refuses the text with an issue at the value's path — never a changed value.

use ctg_core::Validator;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// JSON trees whose text `serde_json` writes back identically.
fn tree() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1.0e6f64..1.0e6).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z0-9éè ]{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #[test]
    fn a_tree_reads_back_as_written(value in tree()) {
        let text = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(Validator::new().read_tree(text.as_bytes()), Ok(value));
    }

    #[test]
    fn a_duplicate_key_is_refused_at_its_path(key in "[a-z]{1,6}", a in any::<i64>(), b in any::<i64>()) {
        let text = format!(r#"{{"outer": {{"{key}": {a}, "{key}": {b}}}}}"#);
        let report = Validator::new().read_tree(text.as_bytes()).unwrap_err();
        let issue = &report.issues()[0];
        prop_assert_eq!(issue.code.as_str(), "json.duplicate_key");
        prop_assert_eq!(issue.path.to_string(), format!("outer.{key}"));
    }

    #[test]
    fn a_number_is_kept_as_written_or_refused(mantissa in 0u32..100_000, exponent in -3i32..4, fraction in 0u32..100) {
        for text in [format!("{mantissa}e{exponent}"), format!("{mantissa}.{fraction:02}")] {
            let doc = format!(r#"{{"n": {text}}}"#);
            match Validator::new().read_tree(doc.as_bytes()) {
                Ok(tree) => prop_assert_eq!(tree["n"].to_string(), text),
                Err(report) => {
                    let issue = &report.issues()[0];
                    prop_assert_eq!(issue.code.as_str(), "json.number_rewritten");
                    prop_assert_eq!(issue.path.to_string(), "n");
                }
            }
        }
    }
}

#[test]
fn a_lone_surrogate_is_refused_at_its_path() {
    let report = Validator::new()
        .read_tree(br#"{"parties": [{"name": "Pont-de-l\ud800Arn"}]}"#)
        .unwrap_err();
    assert_eq!(report.issues()[0].code.as_str(), "text.lone_surrogate");
    assert_eq!(report.issues()[0].path.to_string(), "parties[0].name");
}

#[test]
fn limits_hold() {
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let report = Validator::new().read_tree(deep.as_bytes()).unwrap_err();
    assert_eq!(report.issues()[0].code.as_str(), "json.too_deep");
    let limits = ctg_core::Limits {
        max_bytes: 10,
        ..ctg_core::Limits::DEFAULT
    };
    let report = Validator::new()
        .limits(limits)
        .read_tree(br#"{"title": "a long title"}"#)
        .unwrap_err();
    assert_eq!(report.issues()[0].code.as_str(), "input.too_large");
}
