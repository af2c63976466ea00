//! What a table may name by name: the parties and objectives of the document it is imported
//! into (or imported beside it), found by id, name or other spelling.

use serde_json::{Map, Value};

use crate::header::normalize;

/// Ids of the document's parties and objectives, with the names they may be written by.
#[derive(Debug, Default)]
pub(crate) struct Known {
    parties: Vec<(String, Vec<String>)>,
    objectives: Vec<(String, Vec<String>)>,
}

fn entries(
    document: &Map<String, Value>,
    list: &str,
    names: &[&str],
) -> Vec<(String, Vec<String>)> {
    let Some(Value::Array(items)) = document.get(list) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let id = item.get("id")?.as_str()?.to_owned();
            let mut keys = vec![normalize(&id)];
            for name in names {
                match item.get(*name) {
                    Some(Value::String(s)) => keys.push(normalize(s)),
                    Some(Value::Array(a)) => {
                        keys.extend(a.iter().filter_map(Value::as_str).map(normalize));
                    }
                    _ => {}
                }
            }
            Some((id, keys))
        })
        .collect()
}

impl Known {
    pub(crate) fn of(document: &Map<String, Value>) -> Known {
        Known {
            parties: entries(document, "parties", &["name", "aliases"]),
            objectives: entries(document, "objectives", &["title"]),
        }
    }

    fn find(list: &[(String, Vec<String>)], text: &str) -> Option<String> {
        if let Some((id, _)) = list.iter().find(|(id, _)| id == text) {
            return Some(id.clone());
        }
        let key = normalize(text);
        let mut found = list.iter().filter(|(_, keys)| keys.contains(&key));
        match (found.next(), found.next()) {
            (Some((id, _)), None) => Some(id.clone()),
            _ => None,
        }
    }

    /// The id of the party `text` names (its id, name or an alias), when exactly one does; else
    /// the text as written, for validation to report.
    pub(crate) fn party(&self, text: &str) -> String {
        Known::find(&self.parties, text).unwrap_or_else(|| text.to_owned())
    }

    /// The id of the objective `text` names (its id or title), else the text as written.
    pub(crate) fn objective(&self, text: &str) -> String {
        Known::find(&self.objectives, text).unwrap_or_else(|| text.to_owned())
    }
}
