//! The [`vocabulary!`] macro: closed lists of words (facility kinds, party kinds and roles, action
//! statuses, governance kinds) with a stable code, French and English labels and aliases, read
//! leniently through [`text::key`](crate::text::key).

/// Declares a vocabulary enum and everything the vocabularies share.
///
/// ```text
/// vocabulary! {
///     noun: "facility kind",                     // in the documentation
///     schema: "What an allocation funds",        // description of the JSON Schema
///     /// Doc of the enum (with an example).
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
///     pub enum FacilityKind {
///         /// `eaje`: doc of the variant.
///         Eaje("eaje", "EAJE (crèche)", "Childcare centre (EAJE)") ["crèche", "multi-accueil"],
///         …
///     }
/// }
/// ```
///
/// Each variant gives its code, French label, English label and extra aliases; attributes written
/// on a variant (its doc, `#[default]`) are kept. The derives must include `Clone`, `Copy` and
/// `PartialEq`.
///
/// Generates the enum and, on it: `ALL` (every value, in declaration order); `parse` (code,
/// labels and aliases compared through [`text::key`](crate::text::key): without case, accents,
/// punctuation, articles or plural `s`); `code`, `label_fr`, `label_en`, `label(Lang)`;
/// `Display` (the code); `FromStr` and serde `Deserialize` (through `parse`, an unknown word
/// refused as `value.unknown` with the accepted codes); serde `Serialize` (the code); and, with
/// feature `schema`, a `JsonSchema` string enum of the codes.
///
/// Also `entries()` (crate-private: every `(value, label)` pair, for
/// [`text::build_index`](crate::text::build_index) and its duplicate check) and `FromStr` (an
/// unknown word is `value.unknown`, with the accepted codes).
macro_rules! vocabulary {
    (
        noun: $noun:literal,
        schema: $description:literal,
        $(#[$attr:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vattr:meta])*
                $variant:ident($code:literal, $fr:literal, $en:literal) [$($alias:literal),* $(,)?]
            ),+ $(,)?
        }
    ) => {
        $(#[$attr])*
        $vis enum $name {
            $(
                $(#[$vattr])*
                $variant,
            )+
        }

        impl $name {
            #[doc = concat!(
                "Every value, in the order of the format's documentation.\n\n",
                "```\n",
                "use ctg_core::", stringify!($name), ";\n",
                "let all = ", stringify!($name), "::ALL;\n",
                "assert!(all.len() > 1);\n",
                "assert!(all.iter().skip(1).all(|&v| v != all[0]));\n",
                "```",
            )]
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            #[doc = concat!(
                "The codes of [`Self::ALL`], in the same order (the accepted words listed in ",
                "`value.unknown` messages).\n\n",
                "```\n",
                "use ctg_core::", stringify!($name), ";\n",
                "let codes = ", stringify!($name), "::CODES;\n",
                "assert_eq!(codes.len(), ", stringify!($name), "::ALL.len());\n",
                "assert_eq!(codes[0], ", stringify!($name), "::ALL[0].code());\n",
                "```",
            )]
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// Code, French label, English label and extra aliases.
            fn info(
                self,
            ) -> (
                &'static str,
                &'static str,
                &'static str,
                &'static [&'static str],
            ) {
                match self {
                    $($name::$variant => ($code, $fr, $en, &[$($alias),*]),)+
                }
            }

            /// Every `(value, label)` pair: codes, labels and aliases.
            pub(crate) fn entries() -> impl Iterator<Item = ($name, &'static str)> {
                $name::ALL.iter().flat_map(|&value| {
                    let (code, fr, en, aliases) = value.info();
                    [code, fr, en]
                        .into_iter()
                        .chain(aliases.iter().copied())
                        .map(move |label| (value, label))
                })
            }

            fn index() -> &'static $crate::text::Index<$name> {
                static INDEX: ::std::sync::OnceLock<$crate::text::Index<$name>> =
                    ::std::sync::OnceLock::new();
                INDEX.get_or_init(|| $crate::text::build_index($name::entries()).0)
            }

            #[doc = concat!(
                "Reads a ", $noun, ": its code, its French or English label or a common ",
                "alias, compared without case, accents, punctuation, articles (`le`, `de`, ",
                "`the`…) or plural `s`. `None` for any other text.\n\n",
                "```\n",
                "use ctg_core::", stringify!($name), ";\n",
                "let first = ", stringify!($name), "::ALL[0];\n",
                "assert_eq!(", stringify!($name), "::parse(first.code()), Some(first));\n",
                "assert_eq!(", stringify!($name), "::parse(first.label_en()), Some(first));\n",
                "let shouted = first.label_fr().to_uppercase();\n",
                "assert_eq!(", stringify!($name), "::parse(&shouted), Some(first));\n",
                "assert_eq!(", stringify!($name), "::parse(\"?\"), None);\n",
                "```",
            )]
            pub fn parse(s: &str) -> Option<$name> {
                // Canonical documents carry the codes: match them before folding the label.
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code() == s)
                    .or_else(|| $name::index().get(&$crate::text::key(s)).copied())
            }

            #[doc = concat!(
                "The stable snake_case code, as serialized.\n\n",
                "```\n",
                "use ctg_core::", stringify!($name), ";\n",
                "let code = ", stringify!($name), "::ALL[0].code();\n",
                "assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '_'));\n",
                "```",
            )]
            pub fn code(self) -> &'static str {
                self.info().0
            }

            #[doc = concat!(
                "The French label.\n\n",
                "```\n",
                "use ctg_core::", stringify!($name), ";\n",
                "assert!(!", stringify!($name), "::ALL[0].label_fr().is_empty());\n",
                "```",
            )]
            pub fn label_fr(self) -> &'static str {
                self.info().1
            }

            #[doc = concat!(
                "The English label.\n\n",
                "```\n",
                "use ctg_core::", stringify!($name), ";\n",
                "assert!(!", stringify!($name), "::ALL[0].label_en().is_empty());\n",
                "```",
            )]
            pub fn label_en(self) -> &'static str {
                self.info().2
            }

            #[doc = concat!(
                "The label in the given language.\n\n",
                "```\n",
                "use ctg_core::{Lang, ", stringify!($name), "};\n",
                "let first = ", stringify!($name), "::ALL[0];\n",
                "assert_eq!(first.label(Lang::Fr), first.label_fr());\n",
                "assert_eq!(first.label(Lang::En), first.label_en());\n",
                "```",
            )]
            pub fn label(self, lang: $crate::Lang) -> &'static str {
                match lang {
                    $crate::Lang::Fr => self.label_fr(),
                    $crate::Lang::En => self.label_en(),
                }
            }

            #[doc = concat!(
                "The value as a word of the catalogue (code, French and English labels), for ",
                "issue parameters.\n\n",
                "```\n",
                "use ctg_core::{Lang, ", stringify!($name), "};\n",
                "let first = ", stringify!($name), "::ALL[0];\n",
                "assert_eq!(first.word().code, first.code());\n",
                "assert_eq!(first.word().text(Lang::Fr), first.label_fr());\n",
                "```",
            )]
            pub fn word(self) -> $crate::Word {
                let (code, fr, en, _) = self.info();
                $crate::Word { code, fr, en }
            }

        }

        #[doc = concat!(
            "Writes the [`code`](", stringify!($name), "::code).\n\n",
            "```\n",
            "use ctg_core::", stringify!($name), ";\n",
            "let first = ", stringify!($name), "::ALL[0];\n",
            "assert_eq!(first.to_string(), first.code());\n",
            "```",
        )]
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        #[doc = concat!(
            "Reads a ", $noun, " through [`parse`](", stringify!($name), "::parse); an unknown ",
            "word is `value.unknown`, with the accepted codes.\n\n",
            "```\n",
            "use ctg_core::", stringify!($name), ";\n",
            "let first = ", stringify!($name), "::ALL[0];\n",
            "assert_eq!(first.code().parse::<", stringify!($name), ">(), Ok(first));\n",
            "let err = \"?\".parse::<", stringify!($name), ">().unwrap_err();\n",
            "assert_eq!(err.code().as_str(), \"value.unknown\");\n",
            "```",
        )]
        impl ::std::str::FromStr for $name {
            type Err = $crate::ParseError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::parse(s).ok_or_else(|| {
                    $crate::ParseError::new(
                        $crate::IssueCode::ValueUnknown,
                        $crate::Params::new()
                            .with("value", $crate::text::shorten(s))
                            .with(
                                "accepted",
                                $name::CODES.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>(),
                            ),
                    )
                })
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                s.parse::<$name>().map_err(::serde::de::Error::custom)
            }
        }

        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                let codes: Vec<&str> = $name::ALL.iter().map(|v| v.code()).collect();
                ::schemars::json_schema!({
                    "type": "string",
                    "enum": codes,
                    "description": $description,
                })
            }
        }
    };
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use crate::text;
    use crate::{
        ActionStatus, ConventionStatus, FacilityKind, GovernanceKind, Lang, PartyKind, PartyRole,
    };

    /// Checks what every vocabulary must satisfy: no label claimed twice, codes and labels read
    /// back, `Display` and serde as the code, unknown words refused with the noun and the codes.
    macro_rules! check {
        ($ty:ident, $noun:literal) => {{
            let (_, conflicts) = text::build_index($ty::entries());
            assert!(conflicts.is_empty(), "{}: {conflicts:?}", $noun);
            for &v in $ty::ALL {
                assert_eq!($ty::parse(v.code()), Some(v));
                assert_eq!($ty::parse(v.label_fr()), Some(v));
                assert_eq!($ty::parse(v.label_en()), Some(v));
                assert_eq!($ty::parse(&v.label_fr().to_uppercase()), Some(v));
                assert_eq!(v.label(Lang::Fr), v.label_fr());
                assert_eq!(v.label(Lang::En), v.label_en());
                assert_eq!(v.to_string(), v.code());
                let json = serde_json::to_string(&v).unwrap_or_default();
                assert_eq!(json, format!("\"{}\"", v.code()));
                assert_eq!(serde_json::from_str::<$ty>(&json).ok(), Some(v));
            }
            let err = serde_json::from_str::<$ty>("\"zzz\"")
                .map(|_| ())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            let codes: Vec<&str> = $ty::ALL.iter().map(|v| v.code()).collect();
            let _ = $noun;
            let expected = format!(
                "unknown value \"zzz\" (accepted values: {})",
                codes.join(", ")
            );
            assert!(err.contains(&expected), "{err}");
        }};
    }

    #[test]
    fn every_vocabulary() {
        check!(FacilityKind, "facility kind");
        check!(PartyKind, "party kind");
        check!(PartyRole, "party role");
        check!(ActionStatus, "action status");
        check!(GovernanceKind, "governance kind");
        check!(ConventionStatus, "convention status");
    }

    #[test]
    fn action_statuses() {
        use ActionStatus::*;
        assert_eq!(ActionStatus::default(), Planned);
        let codes: Vec<&str> = ActionStatus::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes, ["planned", "in_progress", "done", "abandoned"]);
        let fr: Vec<&str> = ActionStatus::ALL.iter().map(|s| s.label_fr()).collect();
        assert_eq!(fr, ["prévue", "en cours", "réalisée", "abandonnée"]);
        let en: Vec<&str> = ActionStatus::ALL.iter().map(|s| s.label_en()).collect();
        assert_eq!(en, ["planned", "in progress", "done", "abandoned"]);
        // Everything the former hand-written `parse` accepted (folded), and more spellings of it.
        for (label, expected) in [
            ("planned", Planned),
            ("prevue", Planned),
            ("prevu", Planned),
            ("a venir", Planned),
            ("planifiee", Planned),
            ("not started", Planned),
            ("Prévue", Planned),
            ("À venir", Planned),
            ("in progress", InProgress),
            ("in_progress", InProgress),
            ("en cours", InProgress),
            ("En cours", InProgress),
            ("started", InProgress),
            ("demarree", InProgress),
            ("Démarrée", InProgress),
            ("done", Done),
            ("realisee", Done),
            ("realise", Done),
            ("réalisé", Done),
            ("terminee", Done),
            ("terminée", Done),
            ("termine", Done),
            ("achevee", Done),
            ("abandoned", Abandoned),
            ("abandonnee", Abandoned),
            ("abandonne", Abandoned),
            ("Abandonnée", Abandoned),
        ] {
            assert_eq!(ActionStatus::parse(label), Some(expected), "{label}");
        }
        for label in ["", "peut-être", "suspendue", "de la"] {
            assert_eq!(ActionStatus::parse(label), None, "{label}");
        }
    }

    #[test]
    fn governance_kinds() {
        use GovernanceKind::*;
        let codes: Vec<&str> = GovernanceKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(
            codes,
            ["steering_committee", "technical_committee", "other"]
        );
        let fr: Vec<&str> = GovernanceKind::ALL.iter().map(|k| k.label_fr()).collect();
        assert_eq!(
            fr,
            ["comité de pilotage", "comité technique", "autre instance"]
        );
        let en: Vec<&str> = GovernanceKind::ALL.iter().map(|k| k.label_en()).collect();
        assert_eq!(
            en,
            ["steering committee", "technical committee", "other body"]
        );
        // Everything the former hand-written `parse` accepted (folded), and more spellings of it.
        for (label, expected) in [
            ("steering committee", SteeringCommittee),
            ("steering_committee", SteeringCommittee),
            ("comite de pilotage", SteeringCommittee),
            ("Comité de pilotage", SteeringCommittee),
            ("copil", SteeringCommittee),
            ("COPIL", SteeringCommittee),
            ("technical committee", TechnicalCommittee),
            ("comite technique", TechnicalCommittee),
            ("Comité technique", TechnicalCommittee),
            ("cotech", TechnicalCommittee),
            ("CoTech", TechnicalCommittee),
            ("other", Other),
            ("autre", Other),
            ("autre instance", Other),
        ] {
            assert_eq!(GovernanceKind::parse(label), Some(expected), "{label}");
        }
        for label in ["", "kermesse", "comité", "de la"] {
            assert_eq!(GovernanceKind::parse(label), None, "{label}");
        }
    }

    #[cfg(feature = "schema")]
    #[test]
    fn schemas_are_string_enums_of_the_codes() {
        fn codes<T: schemars::JsonSchema>(all: Vec<&str>) {
            let schema = schemars::schema_for!(T);
            let value = schema.as_value();
            assert_eq!(value["type"], "string");
            assert_eq!(value["enum"], serde_json::json!(all));
            assert!(value["description"].is_string());
            for code in &all {
                assert!(jsonschema::is_valid(value, &(*code).into()));
            }
            assert!(!jsonschema::is_valid(value, &"zzz".into()));
        }
        codes::<ActionStatus>(ActionStatus::ALL.iter().map(|v| v.code()).collect());
        codes::<GovernanceKind>(GovernanceKind::ALL.iter().map(|v| v.code()).collect());
        codes::<FacilityKind>(FacilityKind::ALL.iter().map(|v| v.code()).collect());
        codes::<PartyKind>(PartyKind::ALL.iter().map(|v| v.code()).collect());
        codes::<PartyRole>(PartyRole::ALL.iter().map(|v| v.code()).collect());
    }
}
