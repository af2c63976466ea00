//! Comparing two conventions, or two versions of one: the [`Change`]s from one to the other, and
//! what a renewal keeps, starts and stops.

use std::cmp::Ordering;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::render::{colon, semicolon, Label};
use crate::{
    ActionSheet, AllocationKey, Amount, Change, Convention, Lang, Period, ThematicDomain, Year,
};

/// What differs between two conventions: the changes that turn the first into the second (parties,
/// period, domains, stakes, objectives, action sheets — matched by number, then by title —,
/// beneficiaries, funding per line and year, declared totals), in a fixed order, and the names of
/// the other fields that differ (title, signature…).
///
/// ```
/// use ctg_core::{AllocationKey, Convention};
/// let conv = Convention::sample();
/// assert!(conv.diff(&conv).is_empty());
/// let line = AllocationKey::of(&conv.funding().unwrap().allocations()[1]);
/// let edited = conv.with_amount_and_totals(&line, 2025, Some("42 000 €".parse()?))?;
/// let diff = conv.diff(&edited);
/// assert_eq!(diff.changes().len(), 2); // the amount, the declared totals
/// assert_eq!(diff.changes()[0].difference().unwrap().to_string(), "1200.00");
/// assert!(diff.to_text(ctg_core::Lang::Fr).contains("La Petite Loco"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    changes: Vec<Change>,
    fields: Vec<&'static str>,
    /// Beneficiary names by id, to show amounts by name (the later of two entries of one id wins).
    names: Vec<(String, String)>,
}

impl Diff {
    /// The changes, in the order: period, parties, domains, stakes, objectives, action sheets,
    /// beneficiaries, amounts (by line, then year), declared totals.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.diff(&conv).changes().is_empty());
    /// ```
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The other top-level fields that differ, by name (`"title"`, `"signature"`…; `"paid"` when
    /// what was paid differs, which is execution data rather than a change).
    ///
    /// ```
    /// use ctg_core::Convention;
    /// let mut doc = Convention::sample().to_value();
    /// doc["title"] = "Autre titre".into();
    /// let other = Convention::from_value(&doc).unwrap();
    /// assert_eq!(Convention::sample().diff(&other).fields(), ["title"]);
    /// ```
    pub fn fields(&self) -> &[&'static str] {
        &self.fields
    }

    /// Whether the two are the same (no change and no other field).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.diff(&conv).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.fields.is_empty()
    }

    /// One line per change, in `lang`.
    ///
    /// ```
    /// use ctg_core::{Convention, Lang};
    /// let conv = Convention::sample();
    /// let shorter = conv.without_action_sheet(16).unwrap();
    /// let text = conv.diff(&shorter).to_text(Lang::En);
    /// assert!(text.starts_with("- action sheet 16 removed"), "{text}");
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        for change in &self.changes {
            out.push_str("- ");
            out.push_str(&describe(change, lang, &self.names));
            out.push('\n');
        }
        for field in &self.fields {
            out.push_str(&format!(
                "- {} {}\n",
                Label::FieldChanged.text(lang),
                quote(field, lang)
            ));
        }
        if out.is_empty() {
            out.push_str(Label::NoDifference.text(lang));
            out.push('\n');
        }
        out
    }
}

impl Serialize for Diff {
    /// `{changes: [...], fields: [...]}`: each change as an amendment holds it (`kind` first), an
    /// amount change also with its `difference`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// A change and, for an amount, its difference.
        #[derive(Serialize)]
        struct Listed<'a> {
            #[serde(flatten)]
            change: &'a Change,
            #[serde(
                skip_serializing_if = "Option::is_none",
                with = "rust_decimal::serde::str_option"
            )]
            difference: Option<rust_decimal::Decimal>,
        }
        let changes: Vec<Listed<'_>> = self
            .changes
            .iter()
            .map(|change| Listed {
                change,
                difference: change.difference(),
            })
            .collect();
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("changes", &changes)?;
        map.serialize_entry("fields", &self.fields)?;
        map.end()
    }
}

/// A text between the quotation marks of `lang`: « … » or "…".
fn quote(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("« {text} »"),
        Lang::En => format!("\"{text}\""),
    }
}

/// A change in words.
fn describe(change: &Change, lang: Lang, names: &[(String, String)]) -> String {
    let kind = change.kind().label(lang);
    // The participle agrees with the kind in French: « la fiche action … ajoutée ».
    let feminine = lang == Lang::Fr && kind.starts_with("la ");
    let verb = |before: bool, after: bool| {
        let label = match (before, after) {
            (false, true) => Label::Added,
            (true, false) => Label::Removed,
            _ => Label::Changed,
        };
        if feminine {
            format!("{}e", label.text(lang))
        } else {
            label.text(lang).to_owned()
        }
    };
    let kind = kind
        .strip_prefix("la ")
        .or_else(|| kind.strip_prefix("le "))
        .or_else(|| kind.strip_prefix("l’"))
        .or_else(|| kind.strip_prefix("les "))
        .or_else(|| kind.strip_prefix("the "))
        .unwrap_or(kind);
    match change {
        Change::Period { before, after } => format!("{kind} {before} → {after}"),
        Change::Party { before, after } => {
            let name = after
                .as_ref()
                .or(before.as_ref())
                .map_or("", |p| p.name.as_str());
            format!("{kind} {name} {}", verb(before.is_some(), after.is_some()))
        }
        Change::Domain { before, after } => {
            let label = after
                .as_ref()
                .or(before.as_ref())
                .map_or("", |d| d.label(lang));
            format!("{kind} {label} {}", verb(before.is_some(), after.is_some()))
        }
        Change::Stake { before, after } => {
            let title = after
                .as_ref()
                .or(before.as_ref())
                .map_or("", |s| s.title.as_str());
            format!(
                "{kind} « {title} » {}",
                verb(before.is_some(), after.is_some())
            )
        }
        Change::Objective { before, after } => {
            let title = after
                .as_ref()
                .or(before.as_ref())
                .map_or("", |o| o.title.as_str());
            format!(
                "{kind} « {title} » {}",
                verb(before.is_some(), after.is_some())
            )
        }
        Change::ActionSheet { before, after } => match (before, after) {
            (Some(b), Some(a)) if b.number != a.number => format!(
                "{kind} {} → {} ({}) {}",
                b.number,
                a.number,
                Label::Renumbered.text(lang),
                quote(&a.title, lang)
            ),
            _ => {
                let sheet = after.as_ref().or(before.as_ref());
                format!(
                    "{kind} {} {} {}",
                    sheet.map_or(0, |s| s.number),
                    verb(before.is_some(), after.is_some()),
                    quote(sheet.map_or("", |s| s.title.as_str()), lang)
                )
            }
        },
        Change::Beneficiary { before, after } => {
            let name = after
                .as_ref()
                .or(before.as_ref())
                .map_or("", |b| b.name.as_str());
            format!("{kind} {name} {}", verb(before.is_some(), after.is_some()))
        }
        Change::Amount {
            key,
            year,
            before,
            after,
        } => {
            let name = names
                .iter()
                .rev()
                .find(|(id, _)| *id == key.beneficiary)
                .map_or(&key.beneficiary, |(_, name)| name);
            let money = |a: &Option<Amount>| a.map_or_else(|| "—".to_owned(), |a| a.format(lang));
            let difference = change
                .difference()
                .map(|d| crate::render::signed_money(d, lang))
                .unwrap_or_default();
            format!(
                "{name} ({}) {year}{} {} → {} ({difference})",
                key.facility_kind.label(lang),
                colon(lang),
                money(before),
                money(after)
            )
        }
        Change::Declared { before, after } => {
            let money = |a: Option<Amount>| a.map_or_else(|| "—".to_owned(), |a| a.format(lang));
            format!(
                "{kind}{} {} → {}",
                colon(lang),
                money(before.total),
                money(after.total)
            )
        }
    }
}

/// The changes of keyed items: changed, removed (in `a`'s order), then added (in `b`'s order).
/// An item of `a` is matched with the last item of `b` of its key.
///
/// Lookups are linear over the keys (the lists of a convention are short): a map per item type
/// would be one more copy of the map's and the sort's code in the WebAssembly module, whose size
/// is budgeted.
fn keyed<T: Clone + PartialEq, K: PartialEq>(
    a: &[T],
    b: &[T],
    key: impl Fn(&T) -> K,
    make: impl Fn(Option<T>, Option<T>) -> Change,
    out: &mut Vec<Change>,
) {
    let keys_a: Vec<K> = a.iter().map(&key).collect();
    let keys_b: Vec<K> = b.iter().map(&key).collect();
    for (x, k) in a.iter().zip(&keys_a) {
        let found = keys_b.iter().rposition(|kb| kb == k).and_then(|i| b.get(i));
        match found {
            Some(y) if y == x => {}
            Some(y) => out.push(make(Some(x.clone()), Some(y.clone()))),
            None => out.push(make(Some(x.clone()), None)),
        }
    }
    for (y, k) in b.iter().zip(&keys_b) {
        if !keys_a.contains(k) {
            out.push(make(None, Some(y.clone())));
        }
    }
}

/// A title as compared across conventions: folded (case, accents, punctuation).
fn title_key(title: &str) -> String {
    crate::text::fold(title)
}

/// The sheet changes: matched by number; the sheets left on each side then by title (a sheet
/// renumbered); what remains is removed or added.
fn sheets(a: &[ActionSheet], b: &[ActionSheet], out: &mut Vec<Change>) {
    let numbers_a: Vec<u32> = a.iter().map(|s| s.number).collect();
    let mut left_a: Vec<&ActionSheet> = Vec::new();
    for sheet in a {
        match b.iter().rev().find(|other| other.number == sheet.number) {
            Some(other) if other == sheet => {}
            Some(other) => out.push(Change::ActionSheet {
                before: Some(sheet.clone()),
                after: Some(other.clone()),
            }),
            None => left_a.push(sheet),
        }
    }
    let mut left_b: Vec<&ActionSheet> = b
        .iter()
        .filter(|s| !numbers_a.contains(&s.number))
        .collect();
    for sheet in left_a {
        let position = left_b
            .iter()
            .position(|other| title_key(&other.title) == title_key(&sheet.title));
        match position {
            Some(i) => {
                let other = left_b.remove(i);
                out.push(Change::ActionSheet {
                    before: Some(sheet.clone()),
                    after: Some(other.clone()),
                });
            }
            None => out.push(Change::ActionSheet {
                before: Some(sheet.clone()),
                after: None,
            }),
        }
    }
    for other in left_b {
        out.push(Change::ActionSheet {
            before: None,
            after: Some(other.clone()),
        });
    }
}

/// Every funding line's amounts, sorted by key then year.
fn amounts(conv: &Convention) -> Vec<((AllocationKey, Year), Amount)> {
    by_line_and_year(conv, |a| &a.amounts)
}

/// What was paid, by line and year (execution data, not a change: a diff names it as a field).
fn paid(conv: &Convention) -> Vec<((AllocationKey, Year), Amount)> {
    by_line_and_year(conv, |a| &a.paid)
}

/// One of a line's year maps for every line, sorted by key then year (lines cannot share a key
/// in a valid convention; of two that do, the later one's amount for a year).
fn by_line_and_year(
    conv: &Convention,
    map: impl Fn(&crate::Allocation) -> &std::collections::BTreeMap<Year, Amount>,
) -> Vec<((AllocationKey, Year), Amount)> {
    let mut out: Vec<((AllocationKey, Year), Amount)> = conv
        .funding
        .iter()
        .flat_map(|f| &f.allocations)
        .flat_map(|a| {
            let key = AllocationKey::of(a);
            map(a)
                .iter()
                .map(move |(&year, &amount)| ((key.clone(), year), amount))
        })
        .collect();
    crate::sorting::sort_by(&mut out, |x, y| x.0.cmp(&y.0)); // stable: lines of one key stay in order
    out.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            std::mem::swap(later, kept);
        }
        same
    });
    out
}

/// The amount changes from `before` to `after` (both sorted by key then year), in that order.
fn amount_changes(
    before: &[((AllocationKey, Year), Amount)],
    after: &[((AllocationKey, Year), Amount)],
    out: &mut Vec<Change>,
) {
    let (mut b, mut a) = (before.iter().peekable(), after.iter().peekable());
    loop {
        let order = match (b.peek(), a.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(x), Some(y)) => x.0.cmp(&y.0),
        };
        let (key, old, new) = match order {
            Ordering::Less => match b.next() {
                Some((k, v)) => (k, Some(*v), None),
                None => break,
            },
            Ordering::Greater => match a.next() {
                Some((k, v)) => (k, None, Some(*v)),
                None => break,
            },
            Ordering::Equal => match (b.next(), a.next()) {
                (Some((k, v)), Some((_, w))) => (k, Some(*v), Some(*w)),
                _ => break,
            },
        };
        if old != new {
            out.push(Change::Amount {
                key: key.0.clone(),
                year: key.1,
                before: old,
                after: new,
            });
        }
    }
}

impl Convention {
    /// The differences from this convention to `other` (see [`Diff`]).
    ///
    /// ```
    /// use ctg_core::{Change, Convention, ThematicDomain};
    /// let conv = Convention::sample();
    /// let add = Change::Domain { before: None, after: Some(ThematicDomain::Parentalite) };
    /// let edited = conv.apply(&[add.clone()]).unwrap();
    /// assert_eq!(conv.diff(&edited).changes(), [add]);
    /// ```
    pub fn diff(&self, other: &Convention) -> Diff {
        let mut changes = Vec::new();
        if self.period != other.period {
            changes.push(Change::Period {
                before: self.period,
                after: other.period,
            });
        }
        keyed(
            &self.parties,
            &other.parties,
            |p| p.id.clone(),
            |before, after| Change::Party { before, after },
            &mut changes,
        );
        keyed(
            &self.domains,
            &other.domains,
            |d| d.code().to_owned(),
            |before, after| Change::Domain { before, after },
            &mut changes,
        );
        keyed(
            &self.stakes,
            &other.stakes,
            |s| s.id.clone(),
            |before, after| Change::Stake { before, after },
            &mut changes,
        );
        keyed(
            &self.objectives,
            &other.objectives,
            |o| o.id.clone(),
            |before, after| Change::Objective { before, after },
            &mut changes,
        );
        sheets(&self.action_sheets, &other.action_sheets, &mut changes);
        let no_beneficiaries = Vec::new();
        keyed(
            self.funding
                .as_ref()
                .map_or(&no_beneficiaries, |f| &f.beneficiaries),
            other
                .funding
                .as_ref()
                .map_or(&no_beneficiaries, |f| &f.beneficiaries),
            |b| b.id.clone(),
            |before, after| Change::Beneficiary { before, after },
            &mut changes,
        );
        amount_changes(&amounts(self), &amounts(other), &mut changes);
        let declared = |c: &Convention| {
            c.funding
                .as_ref()
                .map(|f| f.declared.clone())
                .unwrap_or_default()
        };
        if declared(self) != declared(other) {
            changes.push(Change::Declared {
                before: declared(self),
                after: declared(other),
            });
        }
        let mut fields = Vec::new();
        let mut field = |name: &'static str, differs: bool| {
            if differs {
                fields.push(name);
            }
        };
        field("id", self.id != other.id);
        field("title", self.title != other.title);
        field("signature", self.signature != other.signature);
        field("termination", self.termination != other.termination);
        field("renews", self.renews != other.renews);
        field("diagnostic", self.diagnostic != other.diagnostic);
        field("governance", self.governance != other.governance);
        field("amendments", self.amendments != other.amendments);
        field("paid", paid(self) != paid(other));
        field("sources", self.sources != other.sources);
        field("notes", self.notes != other.notes);
        let names = self
            .funding
            .iter()
            .chain(other.funding.iter())
            .flat_map(|f| &f.beneficiaries)
            .map(|b| (b.id.as_str().to_owned(), b.name.as_str().to_owned()))
            .collect();
        Diff {
            changes,
            fields,
            names,
        }
    }

    /// What this convention, renewing `previous`, keeps, starts and stops, and how the envelope
    /// moved (see [`Renewal`]).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let renewal = conv.renewal_of(&conv);
    /// assert_eq!(renewal.continued().len(), 16);
    /// assert!(renewal.started().is_empty() && renewal.stopped().is_empty());
    /// ```
    pub fn renewal_of(&self, previous: &Convention) -> Renewal {
        let mut continued = Vec::new();
        let mut stopped = Vec::new();
        let mut taken: Vec<u32> = Vec::new();
        for old in &previous.action_sheets {
            let key = title_key(&old.title);
            let found = self
                .action_sheets
                .iter()
                .find(|s| !taken.contains(&s.number) && title_key(&s.title) == key);
            match found {
                Some(new) => {
                    taken.push(new.number);
                    continued.push(SheetLink {
                        previous: old.number,
                        next: new.number,
                        title: new.title.clone(),
                    });
                }
                None => stopped.push(SheetRef {
                    number: old.number,
                    title: old.title.clone(),
                }),
            }
        }
        let started = self
            .action_sheets
            .iter()
            .filter(|s| !taken.contains(&s.number))
            .map(|s| SheetRef {
                number: s.number,
                title: s.title.clone(),
            })
            .collect();
        let absent = |p: &crate::Party, c: &Convention| !c.parties.iter().any(|q| q.id == p.id);
        let joined = self
            .parties
            .iter()
            .filter(|p| absent(p, previous))
            .map(|p| p.name.as_str().to_owned())
            .collect();
        let left = previous
            .parties
            .iter()
            .filter(|p| absent(p, self))
            .map(|p| p.name.as_str().to_owned())
            .collect();
        let domains_added = self
            .domains
            .iter()
            .filter(|d| !previous.domains.contains(d))
            .cloned()
            .collect();
        let domains_removed = previous
            .domains
            .iter()
            .filter(|d| !self.domains.contains(d))
            .cloned()
            .collect();
        Renewal {
            previous: (previous.id.clone(), previous.period),
            next: (self.id.clone(), self.period),
            continued,
            started,
            stopped,
            joined,
            left,
            domains_added,
            domains_removed,
            envelope: Envelope::between(previous, self),
            next_has_no_sheets: self.action_sheets.is_empty(),
        }
    }
}

/// An action sheet kept from one convention to the next (matched by title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SheetLink {
    /// Its number in the previous convention.
    pub previous: u32,
    /// Its number in the new one.
    pub next: u32,
    /// Its title (in the new one).
    pub title: String,
}

/// An action sheet by number and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SheetRef {
    /// Its number.
    pub number: u32,
    /// Its title.
    pub title: String,
}

/// How the envelope moved from one convention to the next: totals (absent when a convention has no
/// funding) and yearly averages, exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Envelope {
    /// The previous convention's total.
    pub previous_total: Option<Amount>,
    /// The new convention's total.
    pub next_total: Option<Amount>,
    /// The previous yearly average (total over the years of its period, to the cent, half away
    /// from zero).
    pub previous_yearly_average: Option<Amount>,
    /// The new yearly average.
    pub next_yearly_average: Option<Amount>,
    /// New average minus previous average (euros, signed).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub yearly_average_change: Option<rust_decimal::Decimal>,
}

impl Envelope {
    fn between(previous: &Convention, next: &Convention) -> Envelope {
        let total = |c: &Convention| c.totals().map(|t| t.total);
        let average =
            |c: &Convention, total: Option<Amount>| -> Option<Amount> {
                let years = rust_decimal::Decimal::from(c.period.len());
                let mean = total?.to_decimal().checked_div(years)?;
                Amount::new(mean.round_dp_with_strategy(
                    2,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                ))
                .ok()
            };
        let (pt, nt) = (total(previous), total(next));
        let (pa, na) = (average(previous, pt), average(next, nt));
        Envelope {
            previous_total: pt,
            next_total: nt,
            previous_yearly_average: pa,
            next_yearly_average: na,
            yearly_average_change: match (pa, na) {
                (Some(p), Some(n)) => Some(n.to_decimal() - p.to_decimal()),
                _ => None,
            },
        }
    }
}

/// A renewal seen as a comparison: what continues (sheets matched by title), what is new, what
/// stopped, who joined or left, the domains added or removed, and how the envelope moved.
///
/// ```
/// use ctg_core::{Convention, Lang};
/// let conv = Convention::sample();
/// let shorter = conv.without_action_sheet(16).unwrap();
/// let renewal = conv.renewal_of(&shorter);
/// assert_eq!(renewal.started()[0].number, 16);
/// assert!(renewal.to_text(Lang::Fr).contains("Nouvelles fiches"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renewal {
    previous: (String, Period),
    next: (String, Period),
    continued: Vec<SheetLink>,
    started: Vec<SheetRef>,
    stopped: Vec<SheetRef>,
    joined: Vec<String>,
    left: Vec<String>,
    domains_added: Vec<ThematicDomain>,
    domains_removed: Vec<ThematicDomain>,
    envelope: Envelope,
    /// The new convention lists no action sheet (its source may not give them).
    next_has_no_sheets: bool,
}

impl Renewal {
    /// The id and period of the convention renewed.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let renewal = conv.renewal_of(&conv);
    /// assert_eq!(renewal.previous().0, "ctg-81-thore-montagne-noire-2023-2025");
    /// assert_eq!(renewal.previous().1.to_string(), "2023–2025");
    /// ```
    pub fn previous(&self) -> (&str, Period) {
        (&self.previous.0, self.previous.1)
    }

    /// The id and period of the renewing convention.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.renewal_of(&conv).next().1.first_year(), 2023);
    /// ```
    pub fn next(&self) -> (&str, Period) {
        (&self.next.0, self.next.1)
    }

    /// The sheets that continue.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert_eq!(conv.renewal_of(&conv).continued()[0].previous, 1);
    /// ```
    pub fn continued(&self) -> &[SheetLink] {
        &self.continued
    }

    /// The new sheets.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.renewal_of(&conv).started().is_empty());
    /// ```
    pub fn started(&self) -> &[SheetRef] {
        &self.started
    }

    /// The sheets that stopped.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.renewal_of(&conv).stopped().is_empty());
    /// ```
    pub fn stopped(&self) -> &[SheetRef] {
        &self.stopped
    }

    /// The parties that joined (names).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.renewal_of(&conv).joined().is_empty());
    /// ```
    pub fn joined(&self) -> &[String] {
        &self.joined
    }

    /// The parties that left (names).
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let without = conv.without_party("albine").unwrap();
    /// assert_eq!(without.renewal_of(&conv).left(), ["Albine"]);
    /// ```
    pub fn left(&self) -> &[String] {
        &self.left
    }

    /// The domains added.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.renewal_of(&conv).domains_added().is_empty());
    /// ```
    pub fn domains_added(&self) -> &[ThematicDomain] {
        &self.domains_added
    }

    /// The domains dropped.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// assert!(conv.renewal_of(&conv).domains_removed().is_empty());
    /// ```
    pub fn domains_removed(&self) -> &[ThematicDomain] {
        &self.domains_removed
    }

    /// How the envelope moved.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let envelope = conv.renewal_of(&conv).envelope().clone();
    /// assert_eq!(envelope.next_yearly_average.unwrap().to_string(), "241801.00");
    /// assert_eq!(envelope.yearly_average_change.unwrap().to_string(), "0.00");
    /// ```
    pub fn envelope(&self) -> &Envelope {
        &self.envelope
    }

    /// The renewal in words, in `lang`.
    ///
    /// ```
    /// let conv = ctg_core::Convention::sample();
    /// let text = conv.renewal_of(&conv).to_text(ctg_core::Lang::En);
    /// assert!(text.contains("Continued (16)"));
    /// ```
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = format!(
            "{} {} ({}) → {} ({})\n",
            Label::Renewal.text(lang),
            self.previous.0,
            self.previous.1,
            self.next.0,
            self.next.1
        );
        let sheets = |out: &mut String, label: Label, items: Vec<String>| {
            out.push_str(&format!("\n{} ({})\n", label.text(lang), items.len()));
            for item in items {
                out.push_str(&format!("  - {item}\n"));
            }
        };
        sheets(
            &mut out,
            Label::Continued,
            self.continued
                .iter()
                .map(|l| format!("{} → {}{} {}", l.previous, l.next, colon(lang), l.title))
                .collect(),
        );
        sheets(
            &mut out,
            Label::Started,
            self.started
                .iter()
                .map(|s| format!("{}{} {}", s.number, colon(lang), s.title))
                .collect(),
        );
        sheets(
            &mut out,
            Label::Stopped,
            self.stopped
                .iter()
                .map(|s| format!("{}{} {}", s.number, colon(lang), s.title))
                .collect(),
        );
        if self.next_has_no_sheets && !self.stopped.is_empty() {
            out.push_str(&format!("  ({})\n", Label::NoSheetsInNext.text(lang)));
        }
        let c = colon(lang);
        let mut line = |label: Label, items: Vec<&str>| {
            if !items.is_empty() {
                out.push_str(&format!("\n{}{c} {}", label.text(lang), items.join(", ")));
            }
        };
        line(
            Label::Joined,
            self.joined.iter().map(String::as_str).collect(),
        );
        line(Label::Left, self.left.iter().map(String::as_str).collect());
        line(
            Label::DomainsAdded,
            self.domains_added.iter().map(|d| d.label(lang)).collect(),
        );
        line(
            Label::DomainsRemoved,
            self.domains_removed.iter().map(|d| d.label(lang)).collect(),
        );
        out.push('\n');
        let money = |a: Option<Amount>| a.map_or_else(|| "—".to_owned(), |a| a.format(lang));
        let e = &self.envelope;
        let sc = semicolon(lang);
        out.push_str(&format!(
            "\n{}{c} {} → {}{sc} {}{c} {} → {}{}\n",
            Label::Envelope.text(lang),
            money(e.previous_total),
            money(e.next_total),
            Label::YearlyAverage.text(lang),
            money(e.previous_yearly_average),
            money(e.next_yearly_average),
            e.yearly_average_change
                .map(|d| format!(" ({})", crate::render::signed_money(d, lang)))
                .unwrap_or_default()
        ));
        out
    }
}
