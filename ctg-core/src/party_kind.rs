//! What a party is ([`PartyKind`]) and what it does in a convention ([`PartyRole`]).

use crate::vocabulary::vocabulary;

vocabulary! {
    noun: "party kind",
    schema: "What kind of body a party is (French labels such as \"Communauté de communes\" or \
             \"SMIX\" are accepted on input)",
    /// What kind of body a party is.
    ///
    /// EPCI (intercommunalities) are `cc`, `ca`, `cu` and `metropole`; syndicates are `sivu`, `sivom`
    /// and `syndicat_mixte`; collectivities are communes, EPCI, syndicates, `departement`, `ccas` and
    /// `cias`.
    ///
    /// Serialized as its [`code`](Self::code); deserialized through [`parse`](Self::parse), which also
    /// reads French and English labels, acronyms and common names (`"Communauté de communes"`,
    /// `"CC"`, `"SMIX"`, `"CCAS"`, `"mairie"`, `"agglo"`, `"État"`, `"préfecture"`…).
    ///
    /// ```
    /// use ctg_core::{Lang, PartyKind};
    /// let kind = PartyKind::parse("Communauté de communes");
    /// assert_eq!(kind, Some(PartyKind::Cc));
    /// assert_eq!(PartyKind::Cc.code(), "cc");
    /// assert!(PartyKind::Cc.is_epci() && PartyKind::Cc.can_have_members());
    /// assert_eq!(PartyKind::Cc.label(Lang::Fr), "Communauté de communes");
    /// let read: PartyKind = serde_json::from_str("\"Syndicat mixte\"")?;
    /// assert_eq!(serde_json::to_string(&read)?, "\"syndicat_mixte\"");
    ///
    /// assert_eq!(PartyKind::ALL.len(), 17);
    /// assert_eq!(PartyKind::ALL[0], PartyKind::Caf);
    /// assert_eq!(PartyKind::parse("communauté d'agglomération"), Some(PartyKind::Ca));
    /// assert_eq!(PartyKind::parse("mairie"), Some(PartyKind::Commune));
    /// assert_eq!(PartyKind::parse("Conseil départemental"), Some(PartyKind::Departement));
    /// assert_eq!(PartyKind::parse("Etat"), Some(PartyKind::Etat));
    /// assert_eq!(PartyKind::parse("Caisse d'allocations familiales"), Some(PartyKind::Caf));
    /// assert_eq!(PartyKind::parse("club de foot"), None);
    /// assert_eq!(PartyKind::SyndicatMixte.code(), "syndicat_mixte");
    /// assert_eq!(PartyKind::Etat.label_fr(), "État");
    /// assert_eq!(PartyKind::Etat.label_en(), "State");
    /// assert_eq!(PartyKind::Commune.label(Lang::Fr), "Commune");
    /// assert_eq!(PartyKind::Commune.label(Lang::En), "Municipality");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PartyKind {
        /// `caf`: a *Caisse d'allocations familiales*.
        Caf("caf", "Caf", "Family allowance fund (Caf)") [
            "Caisse d’allocations familiales",
            "caisse des allocations familiales",
            "family allowance fund",
        ],
        /// `commune`.
        Commune("commune", "Commune", "Municipality") [
            "mairie",
            "ville",
            "municipalité",
            "municipality",
            "town",
        ],
        /// `cc`: *communauté de communes* (EPCI).
        Cc("cc", "Communauté de communes", "Community of communes") [
            "CC",
            "communauté de communes",
            "com com",
            "comcom",
            "CDC",
        ],
        /// `ca`: *communauté d'agglomération* (EPCI).
        Ca("ca", "Communauté d’agglomération", "Agglomeration community") [
            "CA",
            "communauté d’agglomération",
            "communauté d’agglo",
            "agglo",
            "agglomération",
        ],
        /// `cu`: *communauté urbaine* (EPCI).
        Cu("cu", "Communauté urbaine", "Urban community") ["CU", "communauté urbaine"],
        /// `metropole`: *métropole* (EPCI).
        Metropole("metropole", "Métropole", "Metropolis") ["métropole", "metropolis"],
        /// `sivu`: *syndicat intercommunal à vocation unique*.
        Sivu("sivu", "SIVU", "Single-purpose intercommunal syndicate (SIVU)") [
            "syndicat intercommunal à vocation unique",
            "syndicat intercommunal à vocation unique (SIVU)",
        ],
        /// `sivom`: *syndicat intercommunal à vocation multiple*.
        Sivom("sivom", "SIVOM", "Multi-purpose intercommunal syndicate (SIVOM)") [
            "syndicat intercommunal à vocation multiple",
            "syndicat intercommunal à vocations multiples",
            "syndicat intercommunal à vocation multiple (SIVOM)",
        ],
        /// `syndicat_mixte`: *syndicat mixte* (SMIX).
        SyndicatMixte("syndicat_mixte", "Syndicat mixte", "Mixed syndicate") [
            "syndicat mixte",
            "SMIX",
            "SM",
            "syndicat mixte ouvert",
            "syndicat mixte fermé",
        ],
        /// `departement`: the *Département* (its *conseil départemental*).
        Departement("departement", "Département", "Département (county council)") [
            "département",
            "conseil départemental",
            "conseil général",
            "county council",
            "Département",
        ],
        /// `ccas`: *centre communal d'action sociale*.
        Ccas(
            "ccas",
            "Centre communal d’action sociale (CCAS)",
            "Municipal social action centre (CCAS)"
        ) ["CCAS", "centre communal d’action sociale"],
        /// `cias`: *centre intercommunal d'action sociale*.
        Cias(
            "cias",
            "Centre intercommunal d’action sociale (CIAS)",
            "Intercommunal social action centre (CIAS)"
        ) ["CIAS", "centre intercommunal d’action sociale"],
        /// `msa`: *Mutualité sociale agricole*.
        Msa("msa", "Mutualité sociale agricole (MSA)", "Agricultural social insurance (MSA)") [
            "MSA",
            "mutualité sociale agricole",
        ],
        /// `cpam`: *Caisse primaire d'assurance maladie*.
        Cpam(
            "cpam",
            "Caisse primaire d’assurance maladie (CPAM)",
            "Health insurance fund (CPAM)"
        ) ["CPAM", "caisse primaire d’assurance maladie", "assurance maladie"],
        /// `etat`: the State (*préfecture*, State services).
        Etat("etat", "État", "State") [
            "État",
            "Etat",
            "préfecture",
            "sous-préfecture",
            "préfet",
            "state",
        ],
        /// `association`.
        Association("association", "Association", "Association") [
            "asso",
            "association loi 1901",
            "non-profit",
        ],
        /// `other`: any other body.
        Other("other", "Autre", "Other") ["autre", "autres"],
    }
}

impl PartyKind {
    /// Whether the body is an EPCI (intercommunality with its own taxation): `cc`, `ca`, `cu`,
    /// `metropole`.
    ///
    /// ```
    /// use ctg_core::PartyKind;
    /// assert!(PartyKind::Metropole.is_epci());
    /// assert!(!PartyKind::Sivu.is_epci());
    /// ```
    pub fn is_epci(self) -> bool {
        matches!(
            self,
            PartyKind::Cc | PartyKind::Ca | PartyKind::Cu | PartyKind::Metropole
        )
    }

    /// Whether the body is a syndicate: `sivu`, `sivom`, `syndicat_mixte`.
    ///
    /// ```
    /// use ctg_core::PartyKind;
    /// assert!(PartyKind::SyndicatMixte.is_syndicate());
    /// assert!(!PartyKind::Cc.is_syndicate());
    /// ```
    pub fn is_syndicate(self) -> bool {
        matches!(
            self,
            PartyKind::Sivu | PartyKind::Sivom | PartyKind::SyndicatMixte
        )
    }

    /// Whether the body is a local collectivity: a commune, an EPCI, a syndicate, the
    /// Département, a CCAS or a CIAS.
    ///
    /// ```
    /// use ctg_core::PartyKind;
    /// assert!(PartyKind::Ccas.is_collectivity());
    /// assert!(!PartyKind::Caf.is_collectivity());
    /// ```
    pub fn is_collectivity(self) -> bool {
        self.is_epci()
            || self.is_syndicate()
            || matches!(
                self,
                PartyKind::Commune | PartyKind::Departement | PartyKind::Ccas | PartyKind::Cias
            )
    }

    /// Whether the body groups communes, so that it may list member communes: an EPCI or a
    /// syndicate.
    ///
    /// ```
    /// use ctg_core::PartyKind;
    /// assert!(PartyKind::Sivom.can_have_members());
    /// assert!(!PartyKind::Commune.can_have_members());
    /// ```
    pub fn can_have_members(self) -> bool {
        self.is_epci() || self.is_syndicate()
    }

    /// Whether a party of this kind can have this role in a convention: only a Caf has the role
    /// `caf`, and a Caf never merely signs as a collectivity (`signatory`); every other pairing
    /// fits. Validation reports `party.role_mismatch` otherwise.
    ///
    /// ```
    /// use ctg_core::{PartyKind, PartyRole};
    /// assert!(PartyKind::Caf.accepts_role(PartyRole::Caf));
    /// assert!(PartyKind::Caf.accepts_role(PartyRole::CoFunder)); // a second Caf
    /// assert!(!PartyKind::Caf.accepts_role(PartyRole::Signatory));
    /// assert!(!PartyKind::Commune.accepts_role(PartyRole::Caf));
    /// ```
    pub fn accepts_role(self, role: PartyRole) -> bool {
        match role {
            PartyRole::Caf => self == PartyKind::Caf,
            PartyRole::Signatory => self != PartyKind::Caf,
            PartyRole::CoFunder | PartyRole::Partner => true,
        }
    }
}

vocabulary! {
    noun: "party role",
    schema: "The role of a party in the convention",
    /// The role of a party in a convention.
    ///
    /// Serialized as its [`code`](Self::code); deserialized through [`parse`](Self::parse), which
    /// also reads French and English labels (`"cofinanceur"`, `"partenaire"`).
    ///
    /// ```
    /// use ctg_core::{Lang, PartyRole};
    /// let role = PartyRole::parse("Signataire");
    /// assert_eq!(role, Some(PartyRole::Signatory));
    /// assert!(PartyRole::Signatory.signs());
    /// assert!(!PartyRole::Partner.signs());
    /// assert_eq!(PartyRole::CoFunder.code(), "co_funder");
    /// assert_eq!(PartyRole::CoFunder.label(Lang::Fr), "Cofinanceur");
    /// let read: PartyRole = serde_json::from_str("\"partenaire\"")?;
    /// assert_eq!(serde_json::to_string(&read)?, "\"partner\"");
    ///
    /// assert_eq!(PartyRole::ALL.len(), 4);
    /// assert_eq!(PartyRole::parse("co-financeur"), Some(PartyRole::CoFunder));
    /// assert_eq!(PartyRole::parse("CAF"), Some(PartyRole::Caf));
    /// assert_eq!(PartyRole::parse("observateur"), None);
    /// assert_eq!(PartyRole::Partner.code(), "partner");
    /// assert_eq!(PartyRole::Partner.label_fr(), "Partenaire");
    /// assert_eq!(PartyRole::CoFunder.label_en(), "Co-funder");
    /// assert_eq!(PartyRole::Signatory.label(Lang::Fr), "Signataire");
    /// assert_eq!(PartyRole::Signatory.label(Lang::En), "Signatory");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PartyRole {
        /// `caf`: the Caf that carries and funds the convention.
        Caf("caf", "Caf (porteuse)", "Caf (lead funder)") [
            "Caf",
            "Caisse d’allocations familiales",
            "caisse des allocations familiales",
            "porteur",
            "porteuse",
        ],
        /// `signatory`: a collectivity that signs.
        Signatory("signatory", "Signataire", "Signatory") [
            "signataire",
            "signatories",
            "cosignataire",
            "co-signataire",
        ],
        /// `co_funder`: another signing funder (Département, MSA, a second Caf…).
        CoFunder("co_funder", "Cofinanceur", "Co-funder") [
            "cofinanceur",
            "co-financeur",
            "cofinanceuse",
            "co-financeuse",
            "financeur",
            "financeuse",
            "cofunder",
            "co funder",
        ],
        /// `partner`: associated, does not sign.
        Partner("partner", "Partenaire", "Partner") [
            "partenaire",
            "partenaire associé",
            "associé",
            "partenaire non signataire",
            "associated partner",
        ],
    }
}

impl PartyRole {
    /// Whether a party with this role signs the convention (every role but `partner`).
    ///
    /// ```
    /// use ctg_core::PartyRole;
    /// assert!(PartyRole::Caf.signs());
    /// assert!(!PartyRole::Partner.signs());
    /// ```
    pub fn signs(self) -> bool {
        !matches!(self, PartyRole::Partner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    #[test]
    fn aliases_do_not_conflict() {
        let (_, conflicts) = text::build_index(PartyKind::entries());
        assert!(conflicts.is_empty(), "{conflicts:?}");
        let (_, conflicts) = text::build_index(PartyRole::entries());
        assert!(conflicts.is_empty(), "{conflicts:?}");
    }

    #[test]
    fn codes_and_labels_round_trip() {
        for &kind in PartyKind::ALL {
            assert_eq!(PartyKind::parse(kind.code()), Some(kind));
            assert_eq!(PartyKind::parse(kind.label_fr()), Some(kind));
            assert_eq!(PartyKind::parse(kind.label_en()), Some(kind));
        }
        for &role in PartyRole::ALL {
            assert_eq!(PartyRole::parse(role.code()), Some(role));
            assert_eq!(PartyRole::parse(role.label_fr()), Some(role));
            assert_eq!(PartyRole::parse(role.label_en()), Some(role));
        }
    }

    #[test]
    fn lenient_kinds() {
        use PartyKind::*;
        for (label, expected) in [
            ("Communauté de communes", Cc),
            ("communaute de communes", Cc),
            ("CC", Cc),
            ("communauté d'agglomération", Ca),
            ("Communauté d’agglomération", Ca),
            ("CA", Ca),
            ("agglo", Ca),
            ("communauté urbaine", Cu),
            ("métropole", Metropole),
            ("Metropole", Metropole),
            ("SIVU", Sivu),
            ("SIVOM", Sivom),
            ("syndicat mixte", SyndicatMixte),
            ("SMIX", SyndicatMixte),
            ("SM", SyndicatMixte),
            ("syndicat_mixte", SyndicatMixte),
            ("département", Departement),
            ("conseil départemental", Departement),
            ("CCAS", Ccas),
            ("CIAS", Cias),
            ("MSA", Msa),
            ("CPAM", Cpam),
            ("État", Etat),
            ("Etat", Etat),
            ("ETAT", Etat),
            ("préfecture", Etat),
            ("association", Association),
            ("Caf", Caf),
            ("CAF", Caf),
            ("Caisse d'allocations familiales", Caf),
            ("mairie", Commune),
            ("commune", Commune),
            ("Communes", Commune),
            ("other", Other),
        ] {
            assert_eq!(PartyKind::parse(label), Some(expected), "{label}");
        }
        for label in ["", "syndicat", "club", "de la"] {
            assert_eq!(PartyKind::parse(label), None, "{label}");
        }
    }

    #[test]
    fn groupings() {
        let codes = |f: fn(PartyKind) -> bool| -> Vec<&str> {
            PartyKind::ALL
                .iter()
                .filter(|&&k| f(k))
                .map(|k| k.code())
                .collect()
        };
        assert_eq!(codes(PartyKind::is_epci), ["cc", "ca", "cu", "metropole"]);
        assert_eq!(
            codes(PartyKind::is_syndicate),
            ["sivu", "sivom", "syndicat_mixte"]
        );
        assert_eq!(
            codes(PartyKind::can_have_members),
            [
                "cc",
                "ca",
                "cu",
                "metropole",
                "sivu",
                "sivom",
                "syndicat_mixte"
            ]
        );
        assert_eq!(
            codes(PartyKind::is_collectivity),
            [
                "commune",
                "cc",
                "ca",
                "cu",
                "metropole",
                "sivu",
                "sivom",
                "syndicat_mixte",
                "departement",
                "ccas",
                "cias"
            ]
        );
    }

    #[test]
    fn lenient_roles() {
        use PartyRole::*;
        for (label, expected) in [
            ("caf", Caf),
            ("signatory", Signatory),
            ("Signataire", Signatory),
            ("signataires", Signatory),
            ("co_funder", CoFunder),
            ("co-funder", CoFunder),
            ("Cofinanceur", CoFunder),
            ("partner", Partner),
            ("Partenaire associé", Partner),
        ] {
            assert_eq!(PartyRole::parse(label), Some(expected), "{label}");
        }
        assert_eq!(PartyRole::parse("membre"), None);
        let signing: Vec<&str> = PartyRole::ALL
            .iter()
            .filter(|r| r.signs())
            .map(|r| r.code())
            .collect();
        assert_eq!(signing, ["caf", "signatory", "co_funder"]);
    }

    #[test]
    fn serde() {
        let json = serde_json::to_string(&PartyKind::ALL).unwrap_or_default();
        let back: Vec<PartyKind> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, PartyKind::ALL);
        let json = serde_json::to_string(&PartyRole::ALL).unwrap_or_default();
        assert_eq!(json, r#"["caf","signatory","co_funder","partner"]"#);
        let err = serde_json::from_str::<PartyKind>("\"club\"")
            .map(|_| ())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("unknown value \"club\""), "{err}");
        assert!(err.contains("caf, commune, cc, ca"), "{err}");
        let err = serde_json::from_str::<PartyRole>("\"membre\"")
            .map(|_| ())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("accepted values: caf, signatory, co_funder, partner"),
            "{err}"
        );
    }

    #[cfg(feature = "schema")]
    #[test]
    fn schemas_list_the_codes() {
        let kinds = schemars::schema_for!(PartyKind);
        let roles = schemars::schema_for!(PartyRole);
        for kind in PartyKind::ALL {
            assert!(jsonschema::is_valid(kinds.as_value(), &kind.code().into()));
        }
        for role in PartyRole::ALL {
            assert!(jsonschema::is_valid(roles.as_value(), &role.code().into()));
        }
        assert!(!jsonschema::is_valid(kinds.as_value(), &"club".into()));
        assert!(!jsonschema::is_valid(roles.as_value(), &"caf ".into()));
    }
}
