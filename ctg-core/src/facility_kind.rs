//! Kinds of facilities and services funded through a convention.

use crate::vocabulary::vocabulary;

vocabulary! {
    noun: "facility kind",
    schema: "What an allocation funds (French labels such as \"crèche\" or \"RAM\" are \
             accepted on input)",
    /// What an allocation funds: a kind of facility (*équipement*) or service.
    ///
    /// Serialized as its snake_case [`code`](Self::code) (`"alsh_extrascolaire"`); deserialized
    /// through [`parse`](Self::parse), which also reads French and English labels and common names
    /// (`"crèche"`, `"RAM"`, `"Relais petite enfance"`, `"ALSH périscolaire"`, `"MJC"`,
    /// `"chargé de coopération"`…); an unknown label is an error that lists the accepted codes.
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
    ///
    /// assert_eq!(FacilityKind::ALL.len(), 11);
    /// assert_eq!(FacilityKind::ALL[0], FacilityKind::Eaje);
    /// assert_eq!(FacilityKind::parse("Multi-accueil"), Some(FacilityKind::Eaje));
    /// assert_eq!(FacilityKind::parse("relais assistantes maternelles"), Some(FacilityKind::Rpe));
    /// assert_eq!(FacilityKind::parse("Lieu d'accueil enfants-parents"), Some(FacilityKind::Laep));
    /// assert_eq!(FacilityKind::parse("ALSH périscolaire"), Some(FacilityKind::AlshPeriscolaire));
    /// assert_eq!(FacilityKind::parse("accueil de loisirs"), Some(FacilityKind::Alsh));
    /// assert_eq!(FacilityKind::parse("Espace jeunes"), Some(FacilityKind::Jeunesse));
    /// assert_eq!(FacilityKind::parse("piscine"), None);
    /// assert_eq!(FacilityKind::CentreSocial.code(), "centre_social");
    /// assert_eq!(FacilityKind::Rpe.label_fr(), "Relais petite enfance (RPE)");
    /// assert_eq!(FacilityKind::CentreSocial.label_en(), "Social centre");
    /// assert_eq!(FacilityKind::Evs.label(Lang::Fr), "Espace de vie sociale (EVS)");
    /// assert_eq!(FacilityKind::Other.label(Lang::En), "Other");
    /// assert_eq!(FacilityKind::Laep.to_string(), "laep");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum FacilityKind {
        /// `eaje`: *établissement d'accueil du jeune enfant* (crèche, multi-accueil, micro-crèche).
        Eaje("eaje", "EAJE (crèche)", "Childcare centre (EAJE)") [
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
        /// `rpe`: *relais petite enfance* (formerly RAM, *relais assistantes maternelles*).
        Rpe("rpe", "Relais petite enfance (RPE)", "Early childhood hub (RPE)") [
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
        /// `laep`: *lieu d'accueil enfants-parents*.
        Laep(
            "laep",
            "Lieu d’accueil enfants-parents (LAEP)",
            "Parent-child drop-in centre (LAEP)"
        ) [
            "LAEP",
            "lieu d’accueil enfants parents",
            "lieu d’accueil parents enfants",
            "lieu accueil enfant parent",
        ],
        /// `alsh_periscolaire`: *accueil de loisirs* around school time (mornings, evenings, lunch,
        /// Wednesdays).
        AlshPeriscolaire(
            "alsh_periscolaire",
            "ALSH périscolaire",
            "Out-of-school leisure centre, school days"
        ) [
            "périscolaire",
            "péri-scolaire",
            "accueil périscolaire",
            "accueil de loisirs périscolaire",
            "ALSH péri-scolaire",
            "garderie périscolaire",
        ],
        /// `alsh_extrascolaire`: *accueil de loisirs* during school holidays.
        AlshExtrascolaire("alsh_extrascolaire", "ALSH extrascolaire", "Holiday leisure centre") [
            "extrascolaire",
            "extra-scolaire",
            "accueil extrascolaire",
            "accueil de loisirs extrascolaire",
            "ALSH extra-scolaire",
        ],
        /// `alsh`: *accueil de loisirs sans hébergement*, both or unspecified.
        Alsh("alsh", "Accueil de loisirs (ALSH)", "Leisure centre (ALSH)") [
            "ALSH",
            "accueil de loisirs",
            "accueil de loisirs sans hébergement",
            "centre de loisirs",
            "accueil collectif de mineurs",
            "ACM",
            "leisure centre",
        ],
        /// `jeunesse`: youth service (MJC, *espace jeunes*, *service jeunesse*).
        Jeunesse(
            "jeunesse",
            "Jeunesse (MJC, espace jeunes)",
            "Youth service (MJC, youth centre)"
        ) [
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
        /// `centre_social`: *centre social*.
        CentreSocial("centre_social", "Centre social", "Social centre") [
            "centre social",
            "centres sociaux",
            "centre socioculturel",
            "centre socio-culturel",
            "CSC",
        ],
        /// `evs`: *espace de vie sociale*.
        Evs("evs", "Espace de vie sociale (EVS)", "Community space (EVS)") [
            "EVS",
            "espace de vie sociale",
            "espaces de vie sociale",
        ],
        /// `coordination`: the CTG coordination post (*chargé(e) de coopération*).
        Coordination("coordination", "Coordination CTG", "CTG coordination") [
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
        /// `other`: anything else.
        Other("other", "Autre", "Other") ["autre", "autres", "divers"],
    }
}

impl FacilityKind {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

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
        assert_eq!(
            FacilityKind::CODES.join(", "),
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
        assert!(err.contains("unknown value \"piscine\""), "{err}");
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
