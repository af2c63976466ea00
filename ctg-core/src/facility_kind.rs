//! Kinds of facilities and services funded through a convention.

use std::sync::OnceLock;

use crate::text::{self, Index};
use crate::Lang;

/// What an allocation funds: a kind of facility (*équipement*) or service.
///
/// Serialized as its snake_case [`code`](Self::code); deserialized through
/// [`parse`](Self::parse), which also reads French labels (`"crèche"`, `"RAM"`,
/// `"Relais petite enfance"`, `"ALSH périscolaire"`…); an unknown label is an error that lists the
/// accepted codes.
///
/// ```
/// use ctg_core::{FacilityKind, Lang};
/// let kind = FacilityKind::parse("micro-crèche");
/// assert_eq!(kind, Some(FacilityKind::Eaje));
/// assert_eq!(FacilityKind::Eaje.label(Lang::Fr), "EAJE (crèche)");
/// assert!(FacilityKind::Eaje.is_bonus_territoire_eligible());
/// assert_eq!(serde_json::to_string(&FacilityKind::AlshPeriscolaire)?, "\"alsh_periscolaire\"");
/// let read: FacilityKind = serde_json::from_str("\"RAM\"")?;
/// assert_eq!(read, FacilityKind::Rpe);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacilityKind {
    /// `eaje`: *établissement d'accueil du jeune enfant* (crèche, multi-accueil, micro-crèche).
    Eaje,
    /// `rpe`: *relais petite enfance* (formerly RAM, *relais assistantes maternelles*).
    Rpe,
    /// `laep`: *lieu d'accueil enfants-parents*.
    Laep,
    /// `alsh_periscolaire`: *accueil de loisirs* around school time (mornings, evenings, lunch,
    /// Wednesdays).
    AlshPeriscolaire,
    /// `alsh_extrascolaire`: *accueil de loisirs* during school holidays.
    AlshExtrascolaire,
    /// `alsh`: *accueil de loisirs sans hébergement*, both or unspecified.
    Alsh,
    /// `jeunesse`: youth service (MJC, *espace jeunes*, *service jeunesse*).
    Jeunesse,
    /// `centre_social`: *centre social*.
    CentreSocial,
    /// `evs`: *espace de vie sociale*.
    Evs,
    /// `coordination`: the CTG coordination post (*chargé(e) de coopération*).
    Coordination,
    /// `other`: anything else.
    Other,
}

/// Code, French label, English label and extra aliases of a kind.
type Info = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

impl FacilityKind {
    /// Every kind, in the order of the format's documentation.
    ///
    /// ```
    /// use ctg_core::FacilityKind;
    /// assert_eq!(FacilityKind::ALL.len(), 11);
    /// assert_eq!(FacilityKind::ALL[0], FacilityKind::Eaje);
    /// ```
    pub const ALL: &'static [FacilityKind] = &[
        FacilityKind::Eaje,
        FacilityKind::Rpe,
        FacilityKind::Laep,
        FacilityKind::AlshPeriscolaire,
        FacilityKind::AlshExtrascolaire,
        FacilityKind::Alsh,
        FacilityKind::Jeunesse,
        FacilityKind::CentreSocial,
        FacilityKind::Evs,
        FacilityKind::Coordination,
        FacilityKind::Other,
    ];

    fn info(self) -> Info {
        match self {
            FacilityKind::Eaje => (
                "eaje",
                "EAJE (crèche)",
                "Childcare centre (EAJE)",
                &[
                    "EAJE",
                    "crèche",
                    "crèches",
                    "multi-accueil",
                    "micro-crèche",
                    "crèche familiale",
                    "crèche parentale",
                    "halte-garderie",
                    "établissement d’accueil du jeune enfant",
                    "établissement d’accueil de jeunes enfants",
                    "accueil du jeune enfant",
                    "creche",
                    "nursery",
                    "childcare centre",
                    "day nursery",
                ],
            ),
            FacilityKind::Rpe => (
                "rpe",
                "Relais petite enfance (RPE)",
                "Early childhood hub (RPE)",
                &[
                    "RPE",
                    "RAM",
                    "RAMPE",
                    "relais petite enfance",
                    "relais assistantes maternelles",
                    "relais d’assistantes maternelles",
                    "relais assistants maternels",
                    "relais d’assistants maternels",
                    "relais",
                ],
            ),
            FacilityKind::Laep => (
                "laep",
                "Lieu d’accueil enfants-parents (LAEP)",
                "Parent-child drop-in centre (LAEP)",
                &[
                    "LAEP",
                    "lieu d’accueil enfants parents",
                    "lieu d’accueil parents enfants",
                    "lieu accueil enfant parent",
                ],
            ),
            FacilityKind::AlshPeriscolaire => (
                "alsh_periscolaire",
                "ALSH périscolaire",
                "Out-of-school leisure centre, school days",
                &[
                    "périscolaire",
                    "péri-scolaire",
                    "accueil périscolaire",
                    "accueil de loisirs périscolaire",
                    "ALSH péri-scolaire",
                    "garderie périscolaire",
                ],
            ),
            FacilityKind::AlshExtrascolaire => (
                "alsh_extrascolaire",
                "ALSH extrascolaire",
                "Holiday leisure centre",
                &[
                    "extrascolaire",
                    "extra-scolaire",
                    "accueil extrascolaire",
                    "accueil de loisirs extrascolaire",
                    "ALSH extra-scolaire",
                ],
            ),
            FacilityKind::Alsh => (
                "alsh",
                "Accueil de loisirs (ALSH)",
                "Leisure centre (ALSH)",
                &[
                    "ALSH",
                    "accueil de loisirs",
                    "accueil de loisirs sans hébergement",
                    "centre de loisirs",
                    "accueil collectif de mineurs",
                    "ACM",
                    "leisure centre",
                ],
            ),
            FacilityKind::Jeunesse => (
                "jeunesse",
                "Jeunesse (MJC, espace jeunes)",
                "Youth service (MJC, youth centre)",
                &[
                    "jeunesse",
                    "MJC",
                    "maison des jeunes et de la culture",
                    "maison des jeunes",
                    "espace jeunes",
                    "espace jeunesse",
                    "service jeunesse",
                    "accueil jeunes",
                    "point information jeunesse",
                    "PIJ",
                    "youth",
                    "youth centre",
                ],
            ),
            FacilityKind::CentreSocial => (
                "centre_social",
                "Centre social",
                "Social centre",
                &[
                    "centre social",
                    "centres sociaux",
                    "centre socioculturel",
                    "centre socio-culturel",
                    "CSC",
                ],
            ),
            FacilityKind::Evs => (
                "evs",
                "Espace de vie sociale (EVS)",
                "Community space (EVS)",
                &["EVS", "espace de vie sociale", "espaces de vie sociale"],
            ),
            FacilityKind::Coordination => (
                "coordination",
                "Coordination CTG",
                "CTG coordination",
                &[
                    "coordination",
                    "chargé de coopération",
                    "chargée de coopération",
                    "chargé(e) de coopération",
                    "chargé de coopération CTG",
                    "chargée de coopération CTG",
                    "coordinateur",
                    "coordinatrice",
                    "coordinateur CTG",
                    "poste de coordination",
                    "coordinator",
                ],
            ),
            FacilityKind::Other => ("other", "Autre", "Other", &["autre", "autres", "divers"]),
        }
    }

    fn entries() -> impl Iterator<Item = (FacilityKind, &'static str)> {
        FacilityKind::ALL.iter().flat_map(|&kind| {
            let (code, fr, en, aliases) = kind.info();
            [code, fr, en]
                .into_iter()
                .chain(aliases.iter().copied())
                .map(move |label| (kind, label))
        })
    }

    fn index() -> &'static Index<FacilityKind> {
        static INDEX: OnceLock<Index<FacilityKind>> = OnceLock::new();
        INDEX.get_or_init(|| text::build_index(FacilityKind::entries()).0)
    }

    /// Reads a facility kind: a code (`"alsh_periscolaire"`), a French or English label or a
    /// common name (`"crèche"`, `"RAM"`, `"MJC"`, `"chargé de coopération"`), compared without
    /// case, accents, punctuation, articles or plural `s`. `None` when the label is none of them.
    ///
    /// ```
    /// use ctg_core::FacilityKind;
    /// assert_eq!(FacilityKind::parse("Multi-accueil"), Some(FacilityKind::Eaje));
    /// assert_eq!(FacilityKind::parse("relais assistantes maternelles"), Some(FacilityKind::Rpe));
    /// assert_eq!(FacilityKind::parse("Lieu d'accueil enfants-parents"), Some(FacilityKind::Laep));
    /// assert_eq!(FacilityKind::parse("ALSH périscolaire"), Some(FacilityKind::AlshPeriscolaire));
    /// assert_eq!(FacilityKind::parse("accueil de loisirs"), Some(FacilityKind::Alsh));
    /// assert_eq!(FacilityKind::parse("Espace jeunes"), Some(FacilityKind::Jeunesse));
    /// assert_eq!(FacilityKind::parse("piscine"), None);
    /// ```
    pub fn parse(s: &str) -> Option<FacilityKind> {
        FacilityKind::index().get(&text::key(s)).copied()
    }

    /// The stable snake_case code (`"alsh_extrascolaire"`).
    ///
    /// ```
    /// use ctg_core::FacilityKind;
    /// assert_eq!(FacilityKind::CentreSocial.code(), "centre_social");
    /// ```
    pub fn code(self) -> &'static str {
        self.info().0
    }

    /// The French label (`"Relais petite enfance (RPE)"`).
    ///
    /// ```
    /// use ctg_core::FacilityKind;
    /// assert_eq!(FacilityKind::Rpe.label_fr(), "Relais petite enfance (RPE)");
    /// ```
    pub fn label_fr(self) -> &'static str {
        self.info().1
    }

    /// The English label (`"Early childhood hub (RPE)"`).
    ///
    /// ```
    /// use ctg_core::FacilityKind;
    /// assert_eq!(FacilityKind::CentreSocial.label_en(), "Social centre");
    /// ```
    pub fn label_en(self) -> &'static str {
        self.info().2
    }

    /// The label in the given language.
    ///
    /// ```
    /// use ctg_core::{FacilityKind, Lang};
    /// assert_eq!(FacilityKind::Evs.label(Lang::Fr), "Espace de vie sociale (EVS)");
    /// assert_eq!(FacilityKind::Other.label(Lang::En), "Other");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.label_fr(),
            Lang::En => self.label_en(),
        }
    }

    /// Whether the Caf's *bonus territoire CTG* exists for this kind: EAJE, RPE, LAEP and the
    /// ALSH kinds.
    ///
    /// ```
    /// use ctg_core::FacilityKind;
    /// assert!(FacilityKind::AlshExtrascolaire.is_bonus_territoire_eligible());
    /// assert!(!FacilityKind::CentreSocial.is_bonus_territoire_eligible());
    /// ```
    pub fn is_bonus_territoire_eligible(self) -> bool {
        matches!(
            self,
            FacilityKind::Eaje
                | FacilityKind::Rpe
                | FacilityKind::Laep
                | FacilityKind::AlshPeriscolaire
                | FacilityKind::AlshExtrascolaire
                | FacilityKind::Alsh
        )
    }

    fn accepted_codes() -> String {
        let codes: Vec<&str> = FacilityKind::ALL.iter().map(|k| k.code()).collect();
        codes.join(", ")
    }
}

/// Writes the [`code`](FacilityKind::code).
///
/// ```
/// use ctg_core::FacilityKind;
/// assert_eq!(FacilityKind::Laep.to_string(), "laep");
/// ```
impl std::fmt::Display for FacilityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for FacilityKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for FacilityKind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        FacilityKind::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown facility kind {:?} (accepted: {})",
                text::truncate_input(&s),
                FacilityKind::accepted_codes()
            ))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FacilityKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("FacilityKind")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = FacilityKind::ALL.iter().map(|k| k.code()).collect();
        schemars::json_schema!({
            "type": "string",
            "enum": codes,
            "description": "What an allocation funds (French labels such as \"crèche\" or \"RAM\" \
                            are accepted on input)",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_do_not_conflict() {
        let (_, conflicts) = text::build_index(FacilityKind::entries());
        assert!(conflicts.is_empty(), "{conflicts:?}");
    }

    #[test]
    fn codes_and_labels_round_trip() {
        for &kind in FacilityKind::ALL {
            assert_eq!(FacilityKind::parse(kind.code()), Some(kind));
            assert_eq!(FacilityKind::parse(kind.label_fr()), Some(kind));
            assert_eq!(FacilityKind::parse(kind.label_en()), Some(kind));
            assert_eq!(FacilityKind::parse(&kind.code().to_uppercase()), Some(kind));
        }
        let codes = FacilityKind::accepted_codes();
        assert_eq!(
            codes,
            "eaje, rpe, laep, alsh_periscolaire, alsh_extrascolaire, alsh, jeunesse, \
             centre_social, evs, coordination, other"
        );
    }

    #[test]
    fn lenient_labels() {
        use FacilityKind::*;
        for (label, expected) in [
            ("crèche", Eaje),
            ("Crèche", Eaje),
            ("CRECHE", Eaje),
            ("multi-accueil", Eaje),
            ("Multi accueil", Eaje),
            ("micro-crèche", Eaje),
            ("EAJE", Eaje),
            ("RAM", Rpe),
            ("relais petite enfance", Rpe),
            ("Relais Petite Enfance", Rpe),
            ("relais assistantes maternelles", Rpe),
            ("LAEP", Laep),
            ("lieu d'accueil enfants parents", Laep),
            ("Lieu d’accueil enfants-parents", Laep),
            ("ALSH", Alsh),
            ("accueil de loisirs", Alsh),
            ("Accueil de loisirs sans hébergement", Alsh),
            ("périscolaire", AlshPeriscolaire),
            ("ALSH périscolaire", AlshPeriscolaire),
            ("alsh_periscolaire", AlshPeriscolaire),
            ("extrascolaire", AlshExtrascolaire),
            ("ALSH extrascolaire", AlshExtrascolaire),
            ("MJC", Jeunesse),
            ("espace jeunes", Jeunesse),
            ("jeunesse", Jeunesse),
            ("centre social", CentreSocial),
            ("Centres sociaux", CentreSocial),
            ("EVS", Evs),
            ("espace de vie sociale", Evs),
            ("coordination", Coordination),
            ("chargé de coopération", Coordination),
            ("Chargée de coopération CTG", Coordination),
            ("autre", Other),
            ("other", Other),
        ] {
            assert_eq!(FacilityKind::parse(label), Some(expected), "{label}");
        }
        for label in ["", "  ", "piscine", "de la", "ALSH EAJE"] {
            assert_eq!(FacilityKind::parse(label), None, "{label}");
        }
    }

    #[test]
    fn bonus_territoire() {
        let eligible: Vec<&str> = FacilityKind::ALL
            .iter()
            .filter(|k| k.is_bonus_territoire_eligible())
            .map(|k| k.code())
            .collect();
        assert_eq!(
            eligible,
            [
                "eaje",
                "rpe",
                "laep",
                "alsh_periscolaire",
                "alsh_extrascolaire",
                "alsh"
            ]
        );
    }

    #[test]
    fn serde() {
        let json = serde_json::to_string(&FacilityKind::ALL).unwrap_or_default();
        assert!(json.starts_with(r#"["eaje","rpe","laep","alsh_periscolaire""#));
        let back: Vec<FacilityKind> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, FacilityKind::ALL);
        let err = serde_json::from_str::<FacilityKind>("\"piscine\"")
            .map(|_| ())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("unknown facility kind \"piscine\""), "{err}");
        assert!(err.contains("eaje, rpe, laep"), "{err}");
    }

    #[cfg(feature = "schema")]
    #[test]
    fn schema_lists_the_codes() {
        let schema = schemars::schema_for!(FacilityKind);
        for kind in FacilityKind::ALL {
            assert!(jsonschema::is_valid(schema.as_value(), &kind.code().into()));
        }
        assert!(!jsonschema::is_valid(schema.as_value(), &"piscine".into()));
    }
}
