//! Every sentence `ctg-geo` writes — why a candidate matched, why a name of a list is not
//! resolved, what `fill_identifiers` set or left alone — in French and in English, from one
//! table: each [`Text`] is rendered in the language the caller asks for.
//!
//! The data in a sentence (names, codes, the vintage) is the reference's; only the words
//! around it change with the language.

use ctg_core::{FormerKind, Lang};

use crate::area::{Area, AreaCandidate, AreaMatch};
use crate::{Candidate, EpciCandidate, EpciMatch, MatchKind};

/// What a list of tied or outside candidates is made of (for the sentence that lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plural {
    Communes,
    Epci,
    Departements,
    Regions,
    Collectivities,
}

impl Plural {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Plural::Communes, _) => "communes",
            (Plural::Epci, _) => "EPCI",
            (Plural::Departements, _) => "départements",
            (Plural::Regions, _) => "régions",
            (Plural::Collectivities, Lang::Fr) => "collectivités",
            (Plural::Collectivities, Lang::En) => "collectivities",
        }
    }
}

/// A sentence of `ctg-geo`, with its data; [`Text::render`] writes it in a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Text<'a> {
    // --- Lists of names (`resolve_names`, `resolve_text`)
    /// A département named with its marker (`Département du Tarn`).
    DepartementNamed { name: &'a str, code: &'a str },
    /// A marker of a département, and no département of that name.
    NoDepartementNamed { geography: &'a str },
    /// An EPCI resolved.
    EpciResolved {
        name: &'a str,
        siren: &'a str,
        kind_differs: bool,
    },
    /// Several candidates tied.
    Ambiguous {
        count: usize,
        plural: Plural,
        listed: &'a str,
    },
    /// Only candidates outside the context.
    OutsideContext { listed: &'a str },
    /// The text has no letter.
    NoName,
    /// The text is too long.
    TooLong { max: usize },
    /// Nothing of any kind matches.
    NothingNamed { geography: &'a str },
    /// No EPCI matches (the text names one).
    NoEpciNamed { geography: &'a str },

    // --- Filling identifiers
    /// A Caf's or a Département's `departement` set.
    FillDepartementOfName {
        spelling: &'a str,
        name: &'a str,
        geography: &'a str,
    },
    /// An EPCI's SIREN set.
    FillEpciSiren {
        spelling: &'a str,
        name: &'a str,
        geography: &'a str,
    },
    /// An EPCI's name matches several.
    FillEpciAmbiguous { spelling: &'a str, listed: &'a str },
    /// An EPCI's name matches none.
    FillEpciNotFound {
        spelling: &'a str,
        geography: &'a str,
    },
    /// An EPCI's SIREN is unknown.
    FillEpciUnknown { siren: &'a str, geography: &'a str },
    /// An EPCI's members set.
    FillMembers {
        count: usize,
        name: &'a str,
        geography: &'a str,
    },
    /// A commune's INSEE code set.
    FillCommuneInsee {
        spelling: &'a str,
        explanation: &'a str,
        geography: &'a str,
    },
    /// A commune's name matches several.
    FillCommuneAmbiguous { spelling: &'a str, listed: &'a str },
    /// A commune's name matches none.
    FillCommuneNotFound {
        spelling: &'a str,
        geography: &'a str,
    },
    /// The `insee` is not an INSEE code.
    FillNotInsee { code: &'a str },
    /// The `insee` is a former commune's.
    FillFormerCode {
        insee: &'a str,
        now: &'a str,
        current: &'a str,
        geography: &'a str,
    },
    /// No commune has the `insee`.
    FillCommuneUnknown { insee: &'a str, geography: &'a str },
    /// A commune's SIREN set.
    FillCommuneSiren {
        name: &'a str,
        insee: &'a str,
        geography: &'a str,
    },
    /// A commune's SIREN differs from the reference's.
    FillSirenConflict {
        name: &'a str,
        insee: &'a str,
        siren: &'a str,
    },
    /// A commune's `departement` set.
    FillCommuneDepartement { name: &'a str, insee: &'a str },
    /// A commune's `departement` differs from the reference's.
    FillDepartementConflict {
        name: &'a str,
        insee: &'a str,
        departement: &'a str,
    },
}

impl Text<'_> {
    /// The sentence in `lang`.
    pub(crate) fn render(&self, lang: Lang) -> String {
        use Lang::{En, Fr};
        match (self, lang) {
            (Text::DepartementNamed { name, code }, Fr) => format!("le département {name} ({code})"),
            (Text::DepartementNamed { name, code }, En) => format!("the département {name} ({code})"),
            (Text::NoDepartementNamed { geography }, Fr) => {
                format!("aucun département de ce nom dans le {geography}")
            }
            (Text::NoDepartementNamed { geography }, En) => {
                format!("no département of that name in {geography}")
            }
            (
                Text::EpciResolved {
                    name,
                    siren,
                    kind_differs,
                },
                Fr,
            ) => format!(
                "l’EPCI {name} ({siren}){}",
                if *kind_differs {
                    ", d’une autre nature que celle écrite"
                } else {
                    ""
                }
            ),
            (
                Text::EpciResolved {
                    name,
                    siren,
                    kind_differs,
                },
                En,
            ) => format!(
                "the EPCI {name} ({siren}){}",
                if *kind_differs {
                    ", of another kind than written"
                } else {
                    ""
                }
            ),
            (
                Text::Ambiguous {
                    count,
                    plural,
                    listed,
                },
                Fr,
            ) => format!(
                "ambigu : {count} {} correspondent aussi bien : {listed} ; un contexte (département, EPCI) les départage",
                plural.text(Fr)
            ),
            (
                Text::Ambiguous {
                    count,
                    plural,
                    listed,
                },
                En,
            ) => format!(
                "ambiguous: {count} {} match equally well: {listed}; a context (département, EPCI) tells them apart",
                plural.text(En)
            ),
            (Text::OutsideContext { listed }, Fr) => {
                format!("trouvé seulement hors du contexte : {listed}")
            }
            (Text::OutsideContext { listed }, En) => {
                format!("found only outside the context: {listed}")
            }
            (Text::NoName, Fr) => "pas de nom : le texte n’a pas de lettre".to_owned(),
            (Text::NoName, En) => "no name: the text has no letter".to_owned(),
            (Text::TooLong { max }, Fr) => {
                format!("trop long pour être un nom (plus de {max} caractères)")
            }
            (Text::TooLong { max }, En) => {
                format!("too long to be a name (more than {max} characters)")
            }
            (Text::NothingNamed { geography }, Fr) => format!(
                "aucune commune, aucun EPCI, département ni région de ce nom (ni d’un nom proche) dans le {geography}"
            ),
            (Text::NothingNamed { geography }, En) => format!(
                "no commune, EPCI, département or région of that name (nor close to it) in {geography}"
            ),
            (Text::NoEpciNamed { geography }, Fr) => {
                format!("aucun EPCI de ce nom (ni d’un nom proche) dans le {geography}")
            }
            (Text::NoEpciNamed { geography }, En) => {
                format!("no EPCI of that name (nor close to it) in {geography}")
            }

            (
                Text::FillDepartementOfName {
                    spelling,
                    name,
                    geography,
                },
                Fr,
            ) => format!("« {spelling} » désigne le département {name} ({geography})"),
            (
                Text::FillDepartementOfName {
                    spelling,
                    name,
                    geography,
                },
                En,
            ) => format!("\"{spelling}\" names the département {name} ({geography})"),
            (
                Text::FillEpciSiren {
                    spelling,
                    name,
                    geography,
                },
                Fr,
            ) => format!("« {spelling} » est l’EPCI {name} ({geography})"),
            (
                Text::FillEpciSiren {
                    spelling,
                    name,
                    geography,
                },
                En,
            ) => format!("\"{spelling}\" is the EPCI {name} ({geography})"),
            (Text::FillEpciAmbiguous { spelling, listed }, Fr) => {
                format!("« {spelling} » correspond à plusieurs EPCI : {listed} ; laissé vide")
            }
            (Text::FillEpciAmbiguous { spelling, listed }, En) => {
                format!("\"{spelling}\" matches several EPCI: {listed}; left empty")
            }
            (
                Text::FillEpciNotFound {
                    spelling,
                    geography,
                },
                Fr,
            ) => format!("aucun EPCI nommé « {spelling} » dans le {geography} ; laissé vide"),
            (
                Text::FillEpciNotFound {
                    spelling,
                    geography,
                },
                En,
            ) => format!("no EPCI named \"{spelling}\" in {geography}; left empty"),
            (Text::FillEpciUnknown { siren, geography }, Fr) => {
                format!("aucun EPCI n’a le SIREN {siren} dans le {geography}")
            }
            (Text::FillEpciUnknown { siren, geography }, En) => {
                format!("no EPCI has the SIREN {siren} in {geography}")
            }
            (
                Text::FillMembers {
                    count,
                    name,
                    geography,
                },
                Fr,
            ) => format!("les {count} communes membres de {name} dans le {geography}"),
            (
                Text::FillMembers {
                    count,
                    name,
                    geography,
                },
                En,
            ) => format!("the {count} member communes of {name} in {geography}"),
            (
                Text::FillCommuneInsee {
                    spelling,
                    explanation,
                    geography,
                },
                Fr,
            ) => format!("« {spelling} » : {explanation} ({geography})"),
            (
                Text::FillCommuneInsee {
                    spelling,
                    explanation,
                    geography,
                },
                En,
            ) => format!("\"{spelling}\": {explanation} ({geography})"),
            (Text::FillCommuneAmbiguous { spelling, listed }, Fr) => {
                format!("« {spelling} » correspond à plusieurs communes : {listed} ; laissé vide")
            }
            (Text::FillCommuneAmbiguous { spelling, listed }, En) => {
                format!("\"{spelling}\" matches several communes: {listed}; left empty")
            }
            (
                Text::FillCommuneNotFound {
                    spelling,
                    geography,
                },
                Fr,
            ) => format!(
                "aucune commune nommée « {spelling} » dans le contexte du document dans le {geography} ; laissé vide"
            ),
            (
                Text::FillCommuneNotFound {
                    spelling,
                    geography,
                },
                En,
            ) => format!(
                "no commune named \"{spelling}\" in the document's context in {geography}; left empty"
            ),
            (Text::FillNotInsee { code }, Fr) => {
                format!("« {code} » n’est pas un code INSEE ; rien n’est rempli d’après lui")
            }
            (Text::FillNotInsee { code }, En) => {
                format!("\"{code}\" is not an INSEE code; nothing filled from it")
            }
            (
                Text::FillFormerCode {
                    insee,
                    now,
                    current,
                    geography,
                },
                Fr,
            ) => format!(
                "{insee} est le code d’une ancienne commune, aujourd’hui partie de {now} ({current}) dans le {geography} ; gardé, rien n’est rempli d’après lui"
            ),
            (
                Text::FillFormerCode {
                    insee,
                    now,
                    current,
                    geography,
                },
                En,
            ) => format!(
                "{insee} is a former commune's code, now part of {now} ({current}) in {geography}; kept, nothing filled from it"
            ),
            (Text::FillCommuneUnknown { insee, geography }, Fr) => {
                format!("aucune commune n’a le code {insee} dans le {geography}")
            }
            (Text::FillCommuneUnknown { insee, geography }, En) => {
                format!("no commune has the code {insee} in {geography}")
            }
            (
                Text::FillCommuneSiren {
                    name,
                    insee,
                    geography,
                },
                Fr,
            ) => format!("le SIREN de {name} ({insee}) dans le {geography}"),
            (
                Text::FillCommuneSiren {
                    name,
                    insee,
                    geography,
                },
                En,
            ) => format!("the SIREN of {name} ({insee}) in {geography}"),
            (Text::FillSirenConflict { name, insee, siren }, Fr) => format!(
                "la référence donne à {name} ({insee}) le SIREN {siren} ; celui du document est gardé"
            ),
            (Text::FillSirenConflict { name, insee, siren }, En) => format!(
                "the reference gives {name} ({insee}) the SIREN {siren}; the document's is kept"
            ),
            (Text::FillCommuneDepartement { name, insee }, Fr) => {
                format!("le département de {name} ({insee})")
            }
            (Text::FillCommuneDepartement { name, insee }, En) => {
                format!("the département of {name} ({insee})")
            }
            (
                Text::FillDepartementConflict {
                    name,
                    insee,
                    departement,
                },
                Fr,
            ) => format!(
                "{name} ({insee}) est dans le département {departement} ; celui du document est gardé"
            ),
            (
                Text::FillDepartementConflict {
                    name,
                    insee,
                    departement,
                },
                En,
            ) => format!(
                "{name} ({insee}) is in the département {departement}; the document's is kept"
            ),
        }
    }
}

/// Why a commune candidate matched, in `lang`.
pub(crate) fn commune_candidate(candidate: &Candidate<'_>, lang: Lang) -> String {
    let c = candidate.commune;
    let name = candidate.matched_name.unwrap_or(&c.name);
    let (official, insee) = (&c.name, &c.insee);
    let fr = lang == Lang::Fr;
    let mut text = match candidate.matched {
        MatchKind::Exact if fr => format!("le nom officiel de {official} ({insee})"),
        MatchKind::Exact => format!("the official name of {official} ({insee})"),
        MatchKind::Spelling if fr => format!("{official} ({insee}) écrit autrement"),
        MatchKind::Spelling => format!("{official} ({insee}) written differently"),
        MatchKind::Code if fr => format!("le code INSEE de {official} ({insee})"),
        MatchKind::Code => format!("the INSEE code of {official} ({insee})"),
        MatchKind::PostalCode if fr => {
            format!("{official} ({insee}) a ce code postal")
        }
        MatchKind::PostalCode => format!("{official} ({insee}) has this postal code"),
        MatchKind::Arrondissement => format!("{official} ({insee})"),
        MatchKind::Joined if fr => {
            format!("{official} ({insee}) avec ses mots soudés ou séparés autrement")
        }
        MatchKind::Joined => {
            format!("{official} ({insee}) with its words joined or split differently")
        }
        MatchKind::Shortened if fr => format!("{official} ({insee}) abrégé"),
        MatchKind::Shortened => format!("{official} ({insee}) shortened"),
        MatchKind::FormerName | MatchKind::FormerCode => {
            let kind = match (candidate.former.map(|f| f.kind), lang) {
                (Some(FormerKind::Delegated), Lang::Fr) => "une commune déléguée",
                (Some(FormerKind::Associated), Lang::Fr) => "une commune associée",
                (_, Lang::Fr) => "une ancienne commune",
                (Some(FormerKind::Delegated), Lang::En) => "a delegated commune",
                (Some(FormerKind::Associated), Lang::En) => "an associated commune",
                (_, Lang::En) => "a former commune",
            };
            let code = candidate.former.map(|f| f.insee.as_str()).unwrap_or("");
            match (candidate.matched == MatchKind::FormerCode, lang) {
                (true, Lang::Fr) => format!(
                    "{code} est le code d’{kind}, aujourd’hui partie de {official} ({insee})"
                ),
                (true, Lang::En) => {
                    format!("{code} is the code of {kind}, now part of {official} ({insee})")
                }
                (false, Lang::Fr) => {
                    format!("{name} est {kind}, aujourd’hui partie de {official} ({insee})")
                }
                (false, Lang::En) => format!("{name} is {kind}, now part of {official} ({insee})"),
            }
        }
        MatchKind::OtherName if fr => {
            format!("{name} est un autre nom de {official} ({insee}) dans la référence")
        }
        MatchKind::OtherName => {
            format!("{name} is another name of {official} ({insee}) in the reference")
        }
        MatchKind::Typo => {
            let n = candidate.distance.unwrap_or(0);
            let edits = match (n, lang) {
                (1, Lang::Fr) => "à 1 modification du texte".to_owned(),
                (n, Lang::Fr) => format!("à {n} modifications du texte"),
                (1, Lang::En) => "1 edit away from the text".to_owned(),
                (n, Lang::En) => format!("{n} edits away from the text"),
            };
            let by = match (name == official.as_str(), lang) {
                (true, _) => String::new(),
                (false, Lang::Fr) => format!(", par le nom {name}"),
                (false, Lang::En) => format!(", by the name {name}"),
            };
            format!("{official} ({insee}), {edits}{by}")
        }
    };
    if !candidate.rules.is_empty() {
        let rules: Vec<&str> = candidate.rules.iter().map(|r| r.as_str()).collect();
        text.push_str(&format!(" [{}]", rules.join(", ")));
    }
    text
}

/// Why an EPCI candidate matched, in `lang`.
pub(crate) fn epci_candidate(candidate: &EpciCandidate<'_>, lang: Lang) -> String {
    let e = candidate.epci;
    let how = match (candidate.matched, lang) {
        (EpciMatch::Exact, Lang::Fr) => "le nom officiel".to_owned(),
        (EpciMatch::Exact, Lang::En) => "the official name".to_owned(),
        (EpciMatch::Siren, Lang::Fr) => "son SIREN".to_owned(),
        (EpciMatch::Siren, Lang::En) => "its SIREN".to_owned(),
        (EpciMatch::Words, Lang::Fr) => "les mêmes mots significatifs".to_owned(),
        (EpciMatch::Words, Lang::En) => "the same significant words".to_owned(),
        (EpciMatch::Loose, Lang::Fr) => {
            "les mêmes mots, la nature de l’EPCI mise à part".to_owned()
        }
        (EpciMatch::Loose, Lang::En) => "the same words, the kind of EPCI aside".to_owned(),
        (EpciMatch::Typo, _) => match (lang, candidate.distance.unwrap_or(0)) {
            (Lang::Fr, 1) => "à 1 modification du texte".to_owned(),
            (Lang::Fr, n) => format!("à {n} modifications du texte"),
            (Lang::En, 1) => "1 edit away from the text".to_owned(),
            (Lang::En, n) => format!("{n} edits away from the text"),
        },
    };
    let kind = match (candidate.kind_differs, lang) {
        (false, _) => "",
        (true, Lang::Fr) => " ; d’une autre nature que celle écrite",
        (true, Lang::En) => "; of another kind than written",
    };
    format!("{} ({}), {how}{kind}", e.name, e.siren)
}

/// Why a département or région candidate matched, in `lang`.
pub(crate) fn area_candidate(candidate: &AreaCandidate<'_>, lang: Lang) -> String {
    let (name, code) = (candidate.area.name(), candidate.area.code());
    let what = match (candidate.area, lang) {
        (Area::Departement(_), Lang::Fr) => format!("le département {name} ({code})"),
        (Area::Departement(_), Lang::En) => format!("the département {name} ({code})"),
        (Area::Region(_), Lang::Fr) => format!("la région {name} ({code})"),
        (Area::Region(_), Lang::En) => format!("the région {name} ({code})"),
    };
    let how = match (candidate.matched, lang) {
        (AreaMatch::Code, Lang::Fr) => "par son code",
        (AreaMatch::Code, Lang::En) => "by its code",
        (AreaMatch::Exact, Lang::Fr) => "par son nom officiel",
        (AreaMatch::Exact, Lang::En) => "by its official name",
        (AreaMatch::Spelling, Lang::Fr) => "écrit autrement",
        (AreaMatch::Spelling, Lang::En) => "written differently",
        (AreaMatch::Abbreviation, Lang::Fr) => "par son sigle",
        (AreaMatch::Abbreviation, Lang::En) => "by its abbreviation",
    };
    format!("{what}, {how}")
}
