//! Thematic domains (*thématiques*, *champs d'intervention*) of a convention.

use std::sync::OnceLock;

use crate::text::{self, Index};
use crate::Lang;

/// A thematic domain of a convention: one of the 15 known codes, or a custom label.
///
/// There is no official codification: the known domains are the Cnaf's list (petite enfance to
/// accompagnement social) and domains seen in local conventions (santé to insertion).
/// [`parse`](ThematicDomain::parse) reads French (or English) labels leniently, with or without
/// accents, capitals, hyphens or articles; any other label is kept as [`Custom`](Self::Custom)
/// (validation warns `domain.custom`).
///
/// Serialized as its [`code`](Self::code) (the label for a custom domain); deserialized through
/// `parse`, so every string is accepted.
///
/// ```
/// use ctg_core::{Lang, ThematicDomain};
/// let d = ThematicDomain::parse("Soutien à la parentalité");
/// assert_eq!(d, ThematicDomain::Parentalite);
/// assert_eq!(d.code(), "parentalite");
/// assert_eq!(d.label(Lang::Fr), "Parentalité");
///
/// let custom = ThematicDomain::parse("  Culture et patrimoine ");
/// assert_eq!(custom, ThematicDomain::Custom("Culture et patrimoine".into()));
/// assert!(custom.is_custom());
/// assert_eq!(serde_json::to_string(&custom)?, "\"Culture et patrimoine\"");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ThematicDomain {
    /// `petite_enfance`: Petite enfance (early childhood, under 6).
    PetiteEnfance,
    /// `enfance`: Enfance (childhood).
    Enfance,
    /// `jeunesse`: Jeunesse (youth).
    Jeunesse,
    /// `parentalite`: Parentalité (parenting support).
    Parentalite,
    /// `acces_aux_droits`: Accès aux droits (access to rights and services).
    AccesAuxDroits,
    /// `inclusion_numerique`: Inclusion numérique (digital inclusion).
    InclusionNumerique,
    /// `animation_vie_sociale`: Animation de la vie sociale (community life).
    AnimationVieSociale,
    /// `logement`: Logement (housing).
    Logement,
    /// `handicap`: Handicap (disability).
    Handicap,
    /// `accompagnement_social`: Accompagnement social (social support).
    AccompagnementSocial,
    /// `sante`: Santé (health).
    Sante,
    /// `seniors`: Seniors et vieillissement (seniors and ageing).
    Seniors,
    /// `mobilite`: Mobilité (mobility).
    Mobilite,
    /// `cadre_de_vie`: Cadre de vie (living environment).
    CadreDeVie,
    /// `insertion`: Insertion (social and professional integration).
    Insertion,
    /// Any other domain, as its label was typed (trimmed).
    ///
    /// [`parse`](ThematicDomain::parse) never builds a custom domain whose label is one of the
    /// known domains; building one by hand (`Custom("Santé".into())`) gives a value that differs
    /// from [`Sante`](Self::Sante) until it goes through `parse` (or serde) again.
    Custom(String),
}

/// Code, French label, English label and extra aliases of a known domain.
struct Info {
    code: &'static str,
    fr: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
}

impl ThematicDomain {
    /// The 15 known domains, in the order of the format's documentation (the Cnaf list first).
    ///
    /// ```
    /// use ctg_core::ThematicDomain;
    /// assert_eq!(ThematicDomain::KNOWN.len(), 15);
    /// assert_eq!(ThematicDomain::KNOWN[0], ThematicDomain::PetiteEnfance);
    /// assert!(ThematicDomain::KNOWN.iter().all(|d| !d.is_custom()));
    /// ```
    pub const KNOWN: &'static [ThematicDomain] = &[
        ThematicDomain::PetiteEnfance,
        ThematicDomain::Enfance,
        ThematicDomain::Jeunesse,
        ThematicDomain::Parentalite,
        ThematicDomain::AccesAuxDroits,
        ThematicDomain::InclusionNumerique,
        ThematicDomain::AnimationVieSociale,
        ThematicDomain::Logement,
        ThematicDomain::Handicap,
        ThematicDomain::AccompagnementSocial,
        ThematicDomain::Sante,
        ThematicDomain::Seniors,
        ThematicDomain::Mobilite,
        ThematicDomain::CadreDeVie,
        ThematicDomain::Insertion,
    ];

    fn info(&self) -> Option<Info> {
        let (code, fr, en, aliases): (_, _, _, &'static [&'static str]) = match self {
            ThematicDomain::PetiteEnfance => (
                "petite_enfance",
                "Petite enfance",
                "Early childhood",
                &[
                    "jeune enfant",
                    "accueil du jeune enfant",
                    "0-3 ans",
                    "0-6 ans",
                ],
            ),
            ThematicDomain::Enfance => ("enfance", "Enfance", "Childhood", &["enfant", "children"]),
            ThematicDomain::Jeunesse => (
                "jeunesse",
                "Jeunesse",
                "Youth",
                &[
                    "jeunes",
                    "adolescence",
                    "adolescents",
                    "ados",
                    "young people",
                ],
            ),
            ThematicDomain::Parentalite => (
                "parentalite",
                "Parentalité",
                "Parenting support",
                &[
                    "soutien à la parentalité",
                    "accompagnement à la parentalité",
                    "appui à la parentalité",
                    "soutien parental",
                    "soutien aux parents",
                    "parenting",
                ],
            ),
            ThematicDomain::AccesAuxDroits => (
                "acces_aux_droits",
                "Accès aux droits",
                "Access to rights",
                &[
                    "accès au droit",
                    "accès aux droits et aux services",
                    "accès aux droits et services",
                    "droits",
                ],
            ),
            ThematicDomain::InclusionNumerique => (
                "inclusion_numerique",
                "Inclusion numérique",
                "Digital inclusion",
                &[
                    "numérique",
                    "médiation numérique",
                    "fracture numérique",
                    "e-inclusion",
                    "digital",
                ],
            ),
            ThematicDomain::AnimationVieSociale => (
                "animation_vie_sociale",
                "Animation de la vie sociale",
                "Community life",
                &[
                    "vie sociale",
                    "AVS",
                    "animation de la vie sociale (AVS)",
                    "lien social",
                    "animation sociale",
                    "social life",
                ],
            ),
            ThematicDomain::Logement => (
                "logement",
                "Logement",
                "Housing",
                &["habitat", "logement et habitat", "habitat et logement"],
            ),
            ThematicDomain::Handicap => (
                "handicap",
                "Handicap",
                "Disability",
                &[
                    "situation de handicap",
                    "personnes en situation de handicap",
                    "disabilities",
                ],
            ),
            ThematicDomain::AccompagnementSocial => (
                "accompagnement_social",
                "Accompagnement social",
                "Social support",
                &["travail social", "social work"],
            ),
            ThematicDomain::Sante => (
                "sante",
                "Santé",
                "Health",
                &["accès aux soins", "prévention santé", "santé et prévention"],
            ),
            ThematicDomain::Seniors => (
                "seniors",
                "Seniors et vieillissement",
                "Seniors and ageing",
                &[
                    "sénior",
                    "seniors",
                    "vieillissement",
                    "personnes âgées",
                    "bien vieillir",
                    "aînés",
                    "ageing",
                    "aging",
                    "elderly",
                    "older people",
                ],
            ),
            ThematicDomain::Mobilite => (
                "mobilite",
                "Mobilité",
                "Mobility",
                &["transport", "déplacements"],
            ),
            ThematicDomain::CadreDeVie => (
                "cadre_de_vie",
                "Cadre de vie",
                "Living environment",
                &["amélioration du cadre de vie"],
            ),
            ThematicDomain::Insertion => (
                "insertion",
                "Insertion",
                "Social and professional integration",
                &[
                    "insertion sociale et professionnelle",
                    "insertion professionnelle",
                    "insertion sociale",
                    "emploi et insertion",
                    "insertion et emploi",
                    "emploi",
                    "integration",
                    "employment",
                ],
            ),
            ThematicDomain::Custom(_) => return None,
        };
        Some(Info {
            code,
            fr,
            en,
            aliases,
        })
    }

    fn entries() -> impl Iterator<Item = (ThematicDomain, &'static str)> {
        ThematicDomain::KNOWN.iter().flat_map(|d| {
            let labels: Vec<&'static str> = match d.info() {
                Some(info) => [info.code, info.fr, info.en]
                    .into_iter()
                    .chain(info.aliases.iter().copied())
                    .collect(),
                None => Vec::new(),
            };
            labels.into_iter().map(move |label| (d.clone(), label))
        })
    }

    fn index() -> &'static Index<ThematicDomain> {
        static INDEX: OnceLock<Index<ThematicDomain>> = OnceLock::new();
        INDEX.get_or_init(|| text::build_index(ThematicDomain::entries()).0)
    }

    /// Reads a domain label: a code (`"petite_enfance"`), a French or English label or a common
    /// variant, compared without case, accents, punctuation, articles or plural `s`. Anything else
    /// becomes [`Custom`](Self::Custom) with the trimmed label.
    ///
    /// ```
    /// use ctg_core::ThematicDomain;
    /// for label in ["Petite enfance", "petite-enfance", "PETITE_ENFANCE", "Petite Enfance "] {
    ///     assert_eq!(ThematicDomain::parse(label), ThematicDomain::PetiteEnfance);
    /// }
    /// assert_eq!(ThematicDomain::parse("L'accès aux droits"), ThematicDomain::AccesAuxDroits);
    /// assert_eq!(ThematicDomain::parse("AVS"), ThematicDomain::AnimationVieSociale);
    /// assert_eq!(ThematicDomain::parse("personnes âgées"), ThematicDomain::Seniors);
    /// assert_eq!(ThematicDomain::parse("Sport"), ThematicDomain::Custom("Sport".into()));
    /// ```
    pub fn parse(label: &str) -> ThematicDomain {
        // Canonical documents carry the codes: match them before folding the label.
        if let Some(domain) = ThematicDomain::KNOWN.iter().find(|d| d.code() == label) {
            return domain.clone();
        }
        match ThematicDomain::index().get(&text::key(label)) {
            Some(domain) => domain.clone(),
            None => ThematicDomain::Custom(label.trim().to_owned()),
        }
    }

    /// The domain as an issue parameter: a catalogue word for a known domain (its code in `ctx`,
    /// its label in messages), the label itself for a custom one.
    ///
    /// ```
    /// use ctg_core::{Lang, Param, ThematicDomain};
    /// assert_eq!(ThematicDomain::Sante.param().render(Lang::Fr), "Santé");
    /// assert_eq!(ThematicDomain::Custom("Sport".into()).param(), Param::Text("Sport".into()));
    /// ```
    pub fn param(&self) -> crate::Param {
        match self.info() {
            Some(info) => crate::Param::Word(crate::Word {
                code: info.code,
                fr: info.fr,
                en: info.en,
            }),
            None => crate::Param::Text(self.code().to_owned()),
        }
    }

    /// The stable code (`"acces_aux_droits"`), or the label of a custom domain.
    ///
    /// ```
    /// use ctg_core::ThematicDomain;
    /// assert_eq!(ThematicDomain::AccesAuxDroits.code(), "acces_aux_droits");
    /// assert_eq!(ThematicDomain::Custom("Sport".into()).code(), "Sport");
    /// ```
    pub fn code(&self) -> &str {
        match (self, self.info()) {
            (ThematicDomain::Custom(label), _) => label,
            (_, Some(info)) => info.code,
            (_, None) => "",
        }
    }

    /// The French label (`"Animation de la vie sociale"`), or the label of a custom domain.
    ///
    /// ```
    /// use ctg_core::ThematicDomain;
    /// assert_eq!(ThematicDomain::AnimationVieSociale.label_fr(), "Animation de la vie sociale");
    /// ```
    pub fn label_fr(&self) -> &str {
        match (self, self.info()) {
            (ThematicDomain::Custom(label), _) => label,
            (_, Some(info)) => info.fr,
            (_, None) => "",
        }
    }

    /// The English label (`"Digital inclusion"`), or the label of a custom domain.
    ///
    /// ```
    /// use ctg_core::ThematicDomain;
    /// assert_eq!(ThematicDomain::InclusionNumerique.label_en(), "Digital inclusion");
    /// assert_eq!(ThematicDomain::Custom("Sport".into()).label_en(), "Sport");
    /// ```
    pub fn label_en(&self) -> &str {
        match (self, self.info()) {
            (ThematicDomain::Custom(label), _) => label,
            (_, Some(info)) => info.en,
            (_, None) => "",
        }
    }

    /// The label in the given language.
    ///
    /// ```
    /// use ctg_core::{Lang, ThematicDomain};
    /// assert_eq!(ThematicDomain::Sante.label(Lang::Fr), "Santé");
    /// assert_eq!(ThematicDomain::Sante.label(Lang::En), "Health");
    /// ```
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fr => self.label_fr(),
            Lang::En => self.label_en(),
        }
    }

    /// Whether this is a custom domain (not one of the [`KNOWN`](Self::KNOWN) codes).
    ///
    /// ```
    /// use ctg_core::ThematicDomain;
    /// assert!(!ThematicDomain::parse("santé").is_custom());
    /// assert!(ThematicDomain::parse("Sport").is_custom());
    /// ```
    pub fn is_custom(&self) -> bool {
        matches!(self, ThematicDomain::Custom(_))
    }
}

/// Writes the [`code`](ThematicDomain::code).
///
/// ```
/// use ctg_core::ThematicDomain;
/// assert_eq!(ThematicDomain::CadreDeVie.to_string(), "cadre_de_vie");
/// ```
impl std::fmt::Display for ThematicDomain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Reads through [`ThematicDomain::parse`]: any label is a domain (a custom one when unknown),
/// except an empty one (`field.empty`).
///
/// ```
/// use ctg_core::ThematicDomain;
/// assert_eq!("Mobilité".parse::<ThematicDomain>()?, ThematicDomain::Mobilite);
/// assert_eq!("  ".parse::<ThematicDomain>().unwrap_err().code().as_str(), "field.empty");
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
impl std::str::FromStr for ThematicDomain {
    type Err = crate::ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().is_empty() {
            return Err(crate::ParseError::new(
                crate::IssueCode::FieldEmpty,
                crate::Params::new(),
            ));
        }
        Ok(ThematicDomain::parse(s))
    }
}

impl serde::Serialize for ThematicDomain {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for ThematicDomain {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(ThematicDomain::parse(&s))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ThematicDomain {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("ThematicDomain")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = ThematicDomain::KNOWN.iter().map(|d| d.code()).collect();
        let description = format!(
            "A thematic domain: one of the codes {}, or any other label (kept as a custom domain)",
            codes.join(", ")
        );
        schemars::json_schema!({
            "description": description,
            "anyOf": [
                { "type": "string", "enum": codes },
                { "type": "string" }
            ],
            "examples": codes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_do_not_conflict() {
        let (index, conflicts) = text::build_index(ThematicDomain::entries());
        assert!(conflicts.is_empty(), "{conflicts:?}");
        assert!(index.len() > 45);
    }

    #[test]
    fn codes_and_labels_round_trip() {
        for d in ThematicDomain::KNOWN {
            assert_eq!(&ThematicDomain::parse(d.code()), d);
            assert_eq!(&ThematicDomain::parse(d.label_fr()), d);
            assert_eq!(&ThematicDomain::parse(d.label_en()), d);
            assert_eq!(&ThematicDomain::parse(&d.label_fr().to_uppercase()), d);
            assert!(!d.is_custom());
        }
    }

    #[test]
    fn known_matches_the_format_table() {
        let codes: Vec<&str> = ThematicDomain::KNOWN.iter().map(|d| d.code()).collect();
        assert_eq!(
            codes,
            [
                "petite_enfance",
                "enfance",
                "jeunesse",
                "parentalite",
                "acces_aux_droits",
                "inclusion_numerique",
                "animation_vie_sociale",
                "logement",
                "handicap",
                "accompagnement_social",
                "sante",
                "seniors",
                "mobilite",
                "cadre_de_vie",
                "insertion",
            ]
        );
    }

    #[test]
    fn lenient_labels() {
        use ThematicDomain::*;
        for (label, expected) in [
            ("Petite enfance", PetiteEnfance),
            ("petite-enfance", PetiteEnfance),
            ("parentalite", Parentalite),
            ("Soutien à la parentalité", Parentalite),
            ("Accès aux droits", AccesAuxDroits),
            ("acces aux droits et services", AccesAuxDroits),
            ("L'accès aux droits", AccesAuxDroits),
            ("L’accès aux droits", AccesAuxDroits),
            ("Inclusion numérique", InclusionNumerique),
            ("numérique", InclusionNumerique),
            ("Animation de la vie sociale", AnimationVieSociale),
            ("animation vie sociale", AnimationVieSociale),
            ("vie sociale", AnimationVieSociale),
            ("AVS", AnimationVieSociale),
            ("lien social", AnimationVieSociale),
            ("Logement", Logement),
            ("habitat", Logement),
            ("Santé", Sante),
            ("sante", Sante),
            ("Seniors", Seniors),
            ("Senior", Seniors),
            ("vieillissement", Seniors),
            ("personnes âgées", Seniors),
            ("Personnes agees", Seniors),
            ("Mobilité", Mobilite),
            ("Mobilités", Mobilite),
            ("Cadre de vie", CadreDeVie),
            ("cadre-de-vie", CadreDeVie),
            ("Insertion", Insertion),
            ("Handicap", Handicap),
            ("Accompagnement social", AccompagnementSocial),
            ("Jeunesse", Jeunesse),
            ("Enfance", Enfance),
            ("Seniors et vieillissement", Seniors),
            // Decomposed accent (NFD).
            ("Sante\u{301}", Sante),
        ] {
            assert_eq!(ThematicDomain::parse(label), expected, "{label}");
        }
    }

    #[test]
    fn custom_labels_are_trimmed_and_kept() {
        for (label, kept) in [
            ("  Sport ", "Sport"),
            ("Enfance et jeunesse", "Enfance et jeunesse"),
            ("", ""),
            ("de la", "de la"),
            ("   ", ""),
        ] {
            let d = ThematicDomain::parse(label);
            assert_eq!(d, ThematicDomain::Custom(kept.to_owned()));
            assert_eq!(d.code(), kept);
            assert_eq!(d.label_fr(), kept);
            assert_eq!(d.label_en(), kept);
            assert_eq!(d.label(Lang::En), kept);
            assert!(d.is_custom());
        }
    }

    #[test]
    fn serde() {
        let json = serde_json::to_string(&[
            ThematicDomain::PetiteEnfance,
            ThematicDomain::Custom("Sport".into()),
        ])
        .unwrap_or_default();
        assert_eq!(json, r#"["petite_enfance","Sport"]"#);
        let back: Vec<ThematicDomain> =
            serde_json::from_str(r#"["Petite enfance","Sport","santé"]"#)
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            back,
            [
                ThematicDomain::PetiteEnfance,
                ThematicDomain::Custom("Sport".into()),
                ThematicDomain::Sante
            ]
        );
        assert!(serde_json::from_str::<ThematicDomain>("3").is_err());
    }

    #[cfg(feature = "schema")]
    #[test]
    fn schema_accepts_codes_and_custom_labels() {
        let schema = schemars::schema_for!(ThematicDomain);
        for d in ThematicDomain::KNOWN {
            assert!(jsonschema::is_valid(schema.as_value(), &d.code().into()));
        }
        assert!(jsonschema::is_valid(schema.as_value(), &"Sport".into()));
        assert!(!jsonschema::is_valid(schema.as_value(), &3.into()));
        let text = schema.as_value().to_string();
        assert!(text.contains("animation_vie_sociale"), "{text}");
    }
}
