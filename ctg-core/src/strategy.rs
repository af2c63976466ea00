//! Stakes (*enjeux*) and strategic objectives drawn from the diagnostic.

use crate::ShortText;
use serde::Serialize;

/// A stake (*enjeu*) that came out of the shared diagnostic.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// assert!(conv.stakes().iter().any(|s| s.title().contains("vieillissement")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Stake {
    /// Unique among stakes.
    pub(crate) id: ShortText,
    /// The stake as written.
    pub(crate) title: String,
}

impl Stake {
    /// Unique among stakes.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let stake = &conv.stakes()[1];
    /// assert_eq!(stake.id(), "enjeu-2");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The stake as written.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let stake = &conv.stakes()[1];
    /// assert_eq!(stake.title(), "La lutte contre la désertification médicale");
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }
}

/// Building a [`Stake`] in code.
impl Stake {
    /// A stake with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Stake::new("enjeu-1", "Le soutien aux familles");
    /// assert_eq!(p.id(), "enjeu-1");
    /// assert_eq!(p.title(), "Le soutien aux familles");
    /// ```
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Stake {
        Stake {
            id: crate::text::tidy(id).into(),
            title: crate::text::tidy(title),
        }
    }
}

/// A strategic objective, answering one or more stakes; action sheets point at objectives.
///
/// ```
/// let conv = ctg_core::Convention::sample();
/// let objective = &conv.objectives()[0];
/// assert!(!objective.title().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Objective {
    /// Unique among objectives.
    pub(crate) id: ShortText,
    /// The objective as written.
    pub(crate) title: String,
    /// Ids of the stakes it answers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(default))]
    pub(crate) stakes: Vec<String>,
}

impl Objective {
    /// Unique among objectives.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let objective = &conv.objectives()[0];
    /// assert_eq!(objective.id(), "obj-1");
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The objective as written.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let objective = &conv.objectives()[0];
    /// assert!(objective.title().starts_with("Conforter"));
    /// ```
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Ids of the stakes it answers.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let objective = &conv.objectives()[0];
    /// assert_eq!(objective.stakes(), ["enjeu-1"]);
    /// ```
    pub fn stakes(&self) -> &[String] {
        &self.stakes
    }
}

/// Building a [`Objective`] in code.
impl Objective {
    /// A objective with what it cannot go without; the rest is added with the `with_…`
    /// methods, and checked when the convention it goes in is built (validation).
    ///
    /// ```
    /// let p = ctg_core::Objective::new("obj-1", "Renforcer l’accueil du jeune enfant");
    /// assert_eq!(p.id(), "obj-1");
    /// assert_eq!(p.title(), "Renforcer l’accueil du jeune enfant");
    /// ```
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Objective {
        Objective {
            id: crate::text::tidy(id).into(),
            title: crate::text::tidy(title),
            stakes: Default::default(),
        }
    }

    /// The same objective with its `stakes` set.
    ///
    /// ```
    /// let p = ctg_core::Objective::new("obj-1", "Renforcer l’accueil du jeune enfant").with_stakes(["enjeu-1"]);
    /// assert_eq!(p.stakes(), ["enjeu-1"]);
    /// ```
    pub fn with_stakes(mut self, value: impl IntoIterator<Item = impl Into<String>>) -> Objective {
        self.stakes = value.into_iter().map(crate::text::tidy).collect();
        self
    }
}
