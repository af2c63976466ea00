//! Money: exact euros with cents, never negative, never floating point.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::writing::{self, Unread, Written};
use crate::{IssueCode, Lang, Param, Params, ParseError};

/// The largest amount, in cents: 999 999 999 999,99 €.
const MAX_CENTS: u64 = 99_999_999_999_999;

/// The most integer digits an amount can have (`999999999999`).
const MAX_INTEGER_DIGITS: usize = 12;

/// Narrow no-break space (U+202F): the French thousands separator.
const NNBSP: char = '\u{202f}';
/// No-break space (U+00A0): the space between a French amount and `€`.
const NBSP: char = '\u{a0}';

/// An amount of money in euros, exact to the cent.
///
/// Every `Amount` is between [`Amount::ZERO`] and [`Amount::MAX`] (999 999 999 999,99 €) and has at
/// most two decimals; there is no floating point anywhere. Arithmetic is checked (`checked_add`,
/// `checked_sub`, [`Amount::checked_sum`]), so there are no `+` or `Sum` operators that could panic.
///
/// Amounts are written in JSON as canonical strings (`"241801.00"`); on input they are read leniently
/// (see [`Amount::parse`]) and JSON integers are accepted as whole euros.
///
/// ```
/// use ctg_core::Amount;
/// let a: Amount = "241 801 €".parse()?;
/// assert_eq!(a.to_string(), "241801.00");
/// assert_eq!(a.to_french(), "241\u{202f}801\u{a0}€");
/// assert_eq!(a.cents(), 24_180_100);
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Amount(
    /// The amount in cents, at most [`MAX_CENTS`]: integer arithmetic, exact and checked.
    u64,
);

impl Amount {
    /// Zero euros.
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert!(Amount::ZERO.is_zero());
    /// assert_eq!(Amount::ZERO.to_string(), "0.00");
    /// ```
    pub const ZERO: Amount = Amount(0);

    /// The largest amount: 999 999 999 999,99 €.
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert_eq!(Amount::MAX.to_string(), "999999999999.99");
    /// ```
    pub const MAX: Amount = Amount(MAX_CENTS);

    /// Builds an amount from cents known to be at most `MAX_CENTS`.
    fn from_cents_unchecked(cents: u64) -> Amount {
        debug_assert!(cents <= MAX_CENTS);
        Amount(cents)
    }

    /// An amount from a decimal number of euros, read by its value (`1.230` is `1.23`, `1E+3` is
    /// 1000).
    ///
    /// # Errors
    /// `amount.negative` below zero, `amount.too_precise` with more than two decimals,
    /// `amount.too_large` above [`Amount::MAX`].
    ///
    /// ```
    /// use ctg_core::Amount;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Amount::new(Decimal::new(1230, 3))?.to_string(), "1.23");
    /// assert_eq!(Amount::new(Decimal::new(1234, 3)).unwrap_err().code().as_str(), "amount.too_precise");
    /// assert_eq!(Amount::new(Decimal::new(-1, 0)).unwrap_err().code().as_str(), "amount.negative");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn new(d: Decimal) -> Result<Amount, ParseError> {
        if d.is_zero() {
            return Ok(Amount::ZERO);
        }
        let shown = d.to_string();
        if d.is_sign_negative() {
            return Err(amount_error(IssueCode::AmountNegative, &shown));
        }
        let d = d.normalize();
        if d.scale() > 2 {
            return Err(amount_error(IssueCode::AmountTooPrecise, &shown));
        }
        if d > Amount::MAX.to_decimal() {
            return Err(too_large(&shown));
        }
        // 0 < d <= MAX with at most 2 decimals: its mantissa at scale 2 is the cents.
        let cents = d.mantissa() * 10i128.pow(2 - d.scale());
        let cents = u64::try_from(cents).map_err(|_| too_large(&shown))?;
        Amount::from_cents(cents)
    }

    /// An amount from a number of cents.
    ///
    /// # Errors
    /// `amount.too_large` above [`Amount::MAX`].
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert_eq!(Amount::from_cents(123_456)?.to_string(), "1234.56");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn from_cents(cents: u64) -> Result<Amount, ParseError> {
        if cents > MAX_CENTS {
            return Err(too_large(&format!("{}.{:02}", cents / 100, cents % 100)));
        }
        Ok(Amount::from_cents_unchecked(cents))
    }

    /// An amount from cents, capped at [`Amount::MAX`] (for running totals).
    pub(crate) fn from_cents_saturating(cents: u64) -> Amount {
        Amount(cents.min(MAX_CENTS))
    }

    /// An amount from a whole number of euros.
    ///
    /// # Errors
    /// `amount.too_large` above [`Amount::MAX`].
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert_eq!(Amount::from_euros(40_800)?.to_string(), "40800.00");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn from_euros(euros: u64) -> Result<Amount, ParseError> {
        let cents = euros
            .checked_mul(100)
            .ok_or_else(|| too_large(&euros.to_string()))?;
        Amount::from_cents(cents)
    }

    /// The amount in cents (always fits: [`Amount::MAX`] is about 10¹⁴ cents).
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert_eq!("1 234,56 €".parse::<Amount>()?.cents(), 123_456);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn cents(&self) -> u64 {
        self.0
    }

    /// The amount as a decimal number of euros, with scale 2.
    ///
    /// ```
    /// use ctg_core::Amount;
    /// use rust_decimal::Decimal;
    /// let d = Amount::from_euros(3)?.to_decimal();
    /// assert_eq!(d, Decimal::new(300, 2));
    /// assert_eq!(d.scale(), 2);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn to_decimal(&self) -> Decimal {
        // At most MAX_CENTS < 2^47: the mantissa fits in its low 64 bits.
        Decimal::from_parts(self.0 as u32, (self.0 >> 32) as u32, 0, false, 2)
    }

    /// Whether the amount is zero.
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert!(Amount::from_cents(0)?.is_zero());
    /// assert!(!Amount::from_cents(1)?.is_zero());
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn is_zero(&self) -> bool {
        self.0 == 0
    }

    /// The sum of two amounts, or `None` when it exceeds [`Amount::MAX`].
    ///
    /// ```
    /// use ctg_core::Amount;
    /// let one_cent = Amount::from_cents(1)?;
    /// assert_eq!(one_cent.checked_add(one_cent), Some(Amount::from_cents(2)?));
    /// assert_eq!(Amount::MAX.checked_add(one_cent), None);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        // Both are at most MAX_CENTS < 2^47, so the u64 sum cannot wrap.
        let cents = self.0 + other.0;
        (cents <= MAX_CENTS).then_some(Amount(cents))
    }

    /// The difference of two amounts, or `None` when it would be negative.
    ///
    /// ```
    /// use ctg_core::Amount;
    /// let five = Amount::from_euros(5)?;
    /// let three = Amount::from_euros(3)?;
    /// assert_eq!(five.checked_sub(three), Some(Amount::from_euros(2)?));
    /// assert_eq!(three.checked_sub(five), None);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        self.cents()
            .checked_sub(other.cents())
            .map(Amount::from_cents_unchecked)
    }

    /// The sum of amounts (zero when there are none), or `None` when it exceeds [`Amount::MAX`].
    ///
    /// ```
    /// use ctg_core::Amount;
    /// let parts = ["10.50", "20", "0.25"].map(|s| s.parse::<Amount>().unwrap());
    /// assert_eq!(Amount::checked_sum(parts).unwrap().to_string(), "30.75");
    /// assert_eq!(Amount::checked_sum([Amount::MAX, Amount::from_cents(1)?]), None);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn checked_sum<I: IntoIterator<Item = Amount>>(iter: I) -> Option<Amount> {
        iter.into_iter()
            .try_fold(Amount::ZERO, |acc, a| acc.checked_add(a))
    }

    /// This amount as a share of `whole` (`self / whole`), rounded to 4 decimals, half away from
    /// zero; `None` when `whole` is zero. The share may exceed 1 when `self` is larger than `whole`.
    ///
    /// ```
    /// use ctg_core::Amount;
    /// use rust_decimal::Decimal;
    /// let third = Amount::from_euros(1)?.share_of(Amount::from_euros(3)?);
    /// assert_eq!(third, Some(Decimal::new(3333, 4)));
    /// assert_eq!(Amount::from_euros(1)?.share_of(Amount::ZERO), None);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn share_of(self, whole: Amount) -> Option<Decimal> {
        let part = u128::from(self.cents());
        let whole = u128::from(whole.cents());
        if whole == 0 {
            return None;
        }
        // round(part / whole * 10^4) half away from zero (all values are non-negative), exactly:
        // floor((2 * part * 10^4 + whole) / (2 * whole)).
        let scaled = (2 * part * 10_000 + whole) / (2 * whole);
        // scaled <= 10^14 * 10^4 = 10^18 < 2^63.
        let scaled = i64::try_from(scaled).ok()?;
        Some(Decimal::new(scaled, 4))
    }

    /// Reads an amount the way people write it.
    ///
    /// Accepted: canonical `"241801.00"`, `"241801"`, `"1234.5"`; French `"241 801 €"`,
    /// `"1 234,56 €"`, `"40 800 euros"`, `"40800 EUR"`; with a dot for thousands `"1.234,56 €"`;
    /// English `"€1,234.56"`. White space (space, U+00A0, U+202F, U+2009) only separates thousands;
    /// `€` may come before or after the number, `euro`, `euros` and `EUR` (any case) after it.
    ///
    /// **Ambiguity is refused, never guessed**: a single `.` or `,` followed by exactly three
    /// digits (`"12.000 €"`, `"1,000"`) may separate thousands or decimals, so it is refused with
    /// `amount.ambiguous`, whose parameters give both readings. The full rule is in
    /// `docs/format.md`. Never panics, whatever the input.
    ///
    /// # Errors
    /// `amount.negative` for a minus sign (`"-3 €"`), `amount.too_precise` for more than two
    /// decimals (trailing zeros do not count), `amount.too_large` above [`Amount::MAX`],
    /// `amount.ambiguous`, and `amount.invalid` for anything else (empty, letters, exponents,
    /// several signs, badly grouped digits…).
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert_eq!(Amount::parse("1 234,56 €")?.to_string(), "1234.56");
    /// assert_eq!(Amount::parse("1.234,56 €")?.to_string(), "1234.56");
    /// assert_eq!(Amount::parse("1\u{202f}234,56\u{a0}€")?.cents(), 123_456);
    /// let err = Amount::parse("12.000 €").unwrap_err();
    /// assert_eq!(err.code().as_str(), "amount.ambiguous");
    /// assert_eq!(err.message(ctg_core::Lang::En),
    ///     "ambiguous amount \"12.000 €\": €12,000.00 if \".\" separates thousands, \
    ///      €12.00 if it separates the cents; write it unambiguously (12000, 12 000 € or 12.00)");
    /// assert_eq!(Amount::parse("-3 €").unwrap_err().code().as_str(), "amount.negative");
    /// assert_eq!(Amount::parse("1.234").unwrap_err().code().as_str(), "amount.ambiguous");
    /// assert_eq!(Amount::parse("1234.567").unwrap_err().code().as_str(), "amount.too_precise");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Amount, ParseError> {
        match Amount::parse_plain(s.as_bytes()) {
            Some(amount) => Ok(amount),
            None => Amount::parse_written(s),
        }
    }

    /// [`Amount::parse`] by the general rule of human writings.
    fn parse_written(s: &str) -> Result<Amount, ParseError> {
        let invalid = || amount_error(IssueCode::AmountInvalid, s);
        let (sign, number) = strip_currency(s.trim()).ok_or_else(invalid)?;
        let written = match writing::read(number) {
            Ok(mut w) => {
                w.negative |= matches!(sign, Some('-' | '\u{2212}'));
                w
            }
            Err(Unread::Invalid) => return Err(invalid()),
            Err(Unread::Ambiguous {
                separator,
                as_thousands,
                as_decimal,
            }) => {
                return Err(ParseError::new(
                    IssueCode::AmountAmbiguous,
                    Params::new()
                        .with("value", crate::text::shorten(s))
                        .with("separator", separator.to_string())
                        .with("as_thousands", reading(&as_thousands))
                        .with("as_decimal", reading(&as_decimal)),
                ));
            }
        };
        Amount::from_written(&written).map_err(|code| amount_error(code, s))
    }

    /// The plain writings, read without allocating: one to twelve digits, optionally followed by
    /// a dot and one or two digits (`"241801.00"`, `"40800"`, `"12.5"`) — what canonical
    /// documents hold. These read the same as through [`Amount::parse`]'s general rule (no
    /// sign, grouping, currency or ambiguity is possible in them, and they cannot be too
    /// large); anything else gives `None` and goes through the general rule.
    fn parse_plain(s: &[u8]) -> Option<Amount> {
        let (integer, fraction) = match s.iter().position(|&b| b == b'.') {
            Some(dot) => (s.get(..dot)?, s.get(dot + 1..)?),
            None => (s, &[][..]),
        };
        let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
        if integer.is_empty()
            || integer.len() > MAX_INTEGER_DIGITS
            || !all_digits(integer)
            || !all_digits(fraction)
            || (s.len() > integer.len() && fraction.is_empty())
            || fraction.len() > 2
        {
            return None;
        }
        let number = |part: &[u8]| {
            part.iter()
                .fold(0u64, |acc, &b| acc * 10 + u64::from(b - b'0'))
        };
        let mut cents = number(fraction);
        if fraction.len() == 1 {
            cents *= 10;
        }
        // At most 12 integer digits and 2 decimals: at most MAX_CENTS.
        Some(Amount::from_cents_unchecked(number(integer) * 100 + cents))
    }

    /// The amount a written number stands for, or why it is none.
    fn from_written(w: &Written) -> Result<Amount, IssueCode> {
        if w.negative && !w.is_zero() {
            return Err(IssueCode::AmountNegative);
        }
        if w.fraction.len() > 2 {
            return Err(IssueCode::AmountTooPrecise);
        }
        if w.integer.len() > MAX_INTEGER_DIGITS {
            return Err(IssueCode::AmountTooLarge);
        }
        // At most 12 integer digits and 2 decimals: at most MAX_CENTS, no overflow possible.
        let euros = w
            .integer
            .bytes()
            .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
        let mut cents = w
            .fraction
            .bytes()
            .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
        if w.fraction.len() == 1 {
            cents *= 10;
        }
        Ok(Amount::from_cents_unchecked(euros * 100 + cents))
    }

    /// Reads an amount from an exact decimal a host gave (a Python `Decimal`, by its value whatever
    /// its exponent: `"1E+3"` is 1000). `text` is the decimal's own writing.
    pub(crate) fn from_decimal_text(text: &str) -> Result<Amount, ParseError> {
        let d = Decimal::from_str_exact(text)
            .or_else(|_| Decimal::from_scientific(text))
            .map_err(|_| {
                let code = if is_huge_number(text) {
                    IssueCode::AmountTooLarge
                } else {
                    IssueCode::AmountInvalid
                };
                amount_error(code, text)
            })?;
        Amount::new(d).map_err(|e| amount_error(e.code(), text))
    }

    /// Reads an amount from a JSON or host integer (whole euros), written as decimal digits with
    /// an optional minus sign.
    pub(crate) fn from_integer_text(text: &str) -> Result<Amount, ParseError> {
        let digits = text.strip_prefix('-');
        let code = match digits {
            Some(d) if d.bytes().all(|b| b == b'0') => return Ok(Amount::ZERO),
            Some(_) => IssueCode::AmountNegative,
            None => {
                let d = text.trim_start_matches('0');
                if d.len() <= MAX_INTEGER_DIGITS && d.bytes().all(|b| b.is_ascii_digit()) {
                    let euros = d
                        .bytes()
                        .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
                    return Amount::from_euros(euros);
                }
                IssueCode::AmountTooLarge
            }
        };
        Err(amount_error(code, text))
    }

    /// The French writing: `"241 801 €"` for whole euros, `"1 234,56 €"` otherwise, with a narrow
    /// no-break space (U+202F) between digit groups and a no-break space (U+00A0) before `€`
    /// (as `Intl.NumberFormat('fr-FR', {style: 'currency', currency: 'EUR'})` prints it, without
    /// forced cents).
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert_eq!(Amount::from_euros(241_801)?.to_french(), "241\u{202f}801\u{a0}€");
    /// assert_eq!(Amount::from_cents(123_456)?.to_french(), "1\u{202f}234,56\u{a0}€");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn to_french(&self) -> String {
        let cents = self.cents();
        let mut out = group_digits(cents / 100, NNBSP);
        if cents % 100 != 0 {
            out.push_str(&format!(",{:02}", cents % 100));
        }
        out.push(NBSP);
        out.push('€');
        out
    }

    /// The English writing, always with cents so that it reads back without ambiguity:
    /// `"€241,801.00"`, `"€1,234.56"` (as `Intl.NumberFormat('en-GB', {style: 'currency',
    /// currency: 'EUR'})` prints it).
    ///
    /// ```
    /// use ctg_core::Amount;
    /// assert_eq!(Amount::from_euros(241_801)?.to_english(), "€241,801.00");
    /// assert_eq!(Amount::from_cents(123_456)?.to_english(), "€1,234.56");
    /// assert_eq!("€241,801.00".parse::<Amount>()?, Amount::from_euros(241_801)?);
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn to_english(&self) -> String {
        let cents = self.cents();
        let mut out = String::from("€");
        out.push_str(&group_digits(cents / 100, ','));
        out.push_str(&format!(".{:02}", cents % 100));
        out
    }

    /// The writing for a language: [`Amount::to_french`] or [`Amount::to_english`].
    ///
    /// ```
    /// use ctg_core::{Amount, Lang};
    /// let a = Amount::from_cents(150)?;
    /// assert_eq!(a.format(Lang::Fr), "1,50\u{a0}€");
    /// assert_eq!(a.format(Lang::En), "€1.50");
    /// # Ok::<(), ctg_core::ParseError>(())
    /// ```
    pub fn format(&self, lang: Lang) -> String {
        match lang {
            Lang::Fr => self.to_french(),
            Lang::En => self.to_english(),
        }
    }
}

impl Default for Amount {
    /// [`Amount::ZERO`].
    fn default() -> Amount {
        Amount::ZERO
    }
}

/// `n` in decimal digits, with `sep` between groups of three.
fn group_digits(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Splits a currency mark off an amount's writing: `€` before or after the number, `euro`,
/// `euros` or `EUR` (any case) after it. A sign may stand before a leading `€` (`-€3`): it is
/// returned apart. `None` for two currency marks.
fn strip_currency(s: &str) -> Option<(Option<char>, &str)> {
    let mut rest = s;
    let mut suffix = false;
    if let Some(r) = rest.strip_suffix('€') {
        rest = r.trim_end();
        suffix = true;
    } else {
        for word in ["euros", "euro", "eur"] {
            let cut = rest.len().saturating_sub(word.len());
            if rest.len() > word.len()
                && rest.is_char_boundary(cut)
                && rest
                    .get(cut..)
                    .is_some_and(|end| end.eq_ignore_ascii_case(word))
            {
                rest = rest.get(..cut).unwrap_or("").trim_end();
                suffix = true;
                break;
            }
        }
    }
    let mut sign = None;
    let mut unsigned = rest;
    if let Some(c) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '\u{2212}' | '+'))
    {
        let after = rest.get(c.len_utf8()..).unwrap_or("");
        if after.starts_with('€') {
            sign = Some(c);
            unsigned = after;
        }
    }
    let number = match unsigned.strip_prefix('€') {
        Some(r) if !suffix => r.trim_start(),
        Some(_) => return None,
        None => unsigned,
    };
    if number.contains('€') || (sign.is_some() && number.starts_with(['-', '\u{2212}', '+'])) {
        return None;
    }
    Some((sign, number))
}

/// The error of an amount that failed with `code`, showing the value as written.
fn amount_error(code: IssueCode, value: &str) -> ParseError {
    if code == IssueCode::AmountTooLarge {
        return too_large(value);
    }
    ParseError::new(
        code,
        Params::new().with("value", crate::text::shorten(value)),
    )
}

fn too_large(value: &str) -> ParseError {
    ParseError::new(
        IssueCode::AmountTooLarge,
        Params::new()
            .with("value", crate::text::shorten(value))
            .with("max", Amount::MAX),
    )
}

/// One reading of an ambiguous writing: an amount when it is one, else the decimal number.
fn reading(w: &Written) -> Param {
    match Amount::from_written(w) {
        Ok(amount) => Param::Amount(amount),
        Err(_) => w
            .to_decimal()
            .map(Param::Decimal)
            .unwrap_or_else(|| Param::Text(format!("{}.{}", w.integer, w.fraction))),
    }
}

/// Whether a number's writing (`"123.4"`, `"1E+30"`) has more integer digits than any amount.
fn is_huge_number(text: &str) -> bool {
    let t = text.trim_start_matches(['-', '+']);
    let (mantissa, exponent) = t.split_once(['e', 'E']).unwrap_or((t, "0"));
    let integer = mantissa
        .split('.')
        .next()
        .unwrap_or("")
        .trim_start_matches('0');
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits = i64::try_from(integer.len()).unwrap_or(i64::MAX);
    digits.saturating_add(exponent) > MAX_INTEGER_DIGITS as i64
}

impl FromStr for Amount {
    type Err = ParseError;

    /// Same as [`Amount::parse`].
    fn from_str(s: &str) -> Result<Amount, ParseError> {
        Amount::parse(s)
    }
}

impl fmt::Debug for Amount {
    /// `Amount(241801.00)`: the canonical writing (as when it held a `Decimal`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Canonical(Amount);
        impl fmt::Debug for Canonical {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
        f.debug_tuple("Amount").field(&Canonical(*self)).finish()
    }
}

impl Amount {
    /// The canonical writing (`"241801.00"`) in `buf`, digits written from the end: no
    /// allocation and no formatting machinery (serialising many amounts, in WebAssembly above all).
    fn canonical(self, buf: &mut [u8; 24]) -> &str {
        let mut rest = self.0;
        let mut start = buf.len();
        for (written, slot) in buf.iter_mut().rev().enumerate() {
            if written == 2 {
                *slot = b'.';
            } else {
                *slot = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            start -= 1;
            if written >= 3 && rest == 0 {
                break;
            }
        }
        std::str::from_utf8(buf.get(start..).unwrap_or_default()).unwrap_or_default()
    }
}

impl fmt::Display for Amount {
    /// The canonical writing: a dot and exactly two decimals (`"241801.00"`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.canonical(&mut [0; 24]))
    }
}

impl serde::Serialize for Amount {
    /// The canonical writing, as a string.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.canonical(&mut [0; 24]))
    }
}

impl<'de> serde::Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Amount, D::Error> {
        deserializer.deserialize_any(AmountVisitor)
    }
}

/// Reads an amount from a string (leniently) or an integer number of euros; refuses floats.
struct AmountVisitor;

impl serde::de::Visitor<'_> for AmountVisitor {
    type Value = Amount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount as a string (\"1234.56\") or an integer number of euros")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Amount, E> {
        Amount::parse(v).map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
        Amount::from_integer_text(&v.to_string()).map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
        Amount::from_integer_text(&v.to_string()).map_err(E::custom)
    }

    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Amount, E> {
        Amount::from_integer_text(&v.to_string()).map_err(E::custom)
    }

    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Amount, E> {
        Amount::from_integer_text(&v.to_string()).map_err(E::custom)
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Amount, E> {
        Err(E::custom(Amount::float_error(&v.to_string())))
    }
}

impl Amount {
    /// The error for an amount that arrived as a binary floating-point number (written `text`).
    pub(crate) fn float_error(text: &str) -> ParseError {
        amount_error(IssueCode::AmountFloat, text)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "ctg_core::Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^[0-9]{1,12}\.[0-9]{2}$",
            "description": "An amount in euros, exact to the cent, written with a dot and exactly two decimals (\"241801.00\"); never negative, at most 999999999999.99. On input, French writing (\"241 801 €\", \"1 234,56 €\") and JSON integers (whole euros) are also accepted; JSON numbers with a fraction or exponent are refused."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::IssueCode;

    #[test]
    fn the_canonical_writing_is_cents_over_100_dot_two_digits() {
        let written = |cents: u64| format!("{}.{:02}", cents / 100, cents % 100);
        let cents = (0..=2_000)
            .chain((0..=13).map(|e| 10u64.pow(e)))
            .chain((1..=14).map(|e| 10u64.pow(e) - 1))
            .chain([24_180_100, 4_080_050, MAX_CENTS - 1, MAX_CENTS]);
        for c in cents {
            let amount = Amount::from_cents(c).unwrap();
            assert_eq!(amount.to_string(), written(c));
            assert_eq!(
                serde_json::to_string(&amount).unwrap(),
                format!("\"{}\"", written(c))
            );
        }
        let amount = Amount::from_cents(4_080_050).unwrap();
        assert_eq!(format!("[{amount:>12}]"), "[    40800.50]");
        assert_eq!(format!("[{amount:<10.3}]"), "[408       ]");
        assert_eq!(format!("{amount:?}"), "Amount(40800.50)");
    }

    fn cents(s: &str) -> u64 {
        match Amount::parse(s) {
            Ok(a) => a.cents(),
            Err(e) => panic!("{s:?} should parse, got {e:?}"),
        }
    }

    fn invalid(s: &str) {
        assert_eq!(
            code(Amount::parse(s)),
            Err(IssueCode::AmountInvalid),
            "{s:?} should be invalid"
        );
    }

    fn ambiguous(s: &str) {
        assert_eq!(
            code(Amount::parse(s)),
            Err(IssueCode::AmountAmbiguous),
            "{s:?} should be ambiguous"
        );
    }

    fn code(r: Result<Amount, ParseError>) -> Result<Amount, IssueCode> {
        r.map_err(|e| e.code())
    }

    #[test]
    fn consts() {
        assert_eq!(Amount::ZERO.cents(), 0);
        assert_eq!(Amount::MAX.cents(), 99_999_999_999_999);
        assert_eq!(Amount::ZERO.to_decimal().scale(), 2);
        assert_eq!(
            Amount::MAX.to_decimal(),
            Decimal::new(99_999_999_999_999, 2)
        );
        assert_eq!(Amount::default(), Amount::ZERO);
        assert_eq!(Amount::default().to_decimal().scale(), 2);
    }

    #[test]
    fn new_from_decimal() {
        assert_eq!(Amount::new(Decimal::new(1230, 3)).unwrap().cents(), 123);
        assert_eq!(
            Amount::new(Decimal::new(1230, 3))
                .unwrap()
                .to_decimal()
                .scale(),
            2
        );
        assert_eq!(Amount::new(Decimal::new(5, 0)).unwrap().cents(), 500);
        assert_eq!(Amount::new(Decimal::new(15, 1)).unwrap().cents(), 150);
        assert_eq!(Amount::new(Decimal::new(0, 5)).unwrap(), Amount::ZERO);
        assert_eq!(
            code(Amount::new(Decimal::new(1234, 3))),
            Err(IssueCode::AmountTooPrecise)
        );
        assert_eq!(
            code(Amount::new(Decimal::new(-1, 2))),
            Err(IssueCode::AmountNegative)
        );
        assert_eq!(
            Amount::new(Decimal::new(99_999_999_999_999, 2)).unwrap(),
            Amount::MAX
        );
        assert_eq!(
            code(Amount::new(Decimal::new(100_000_000_000_000, 2))),
            Err(IssueCode::AmountTooLarge)
        );
        assert_eq!(
            code(Amount::new(Decimal::MAX)),
            Err(IssueCode::AmountTooLarge)
        );
    }

    #[test]
    fn from_cents_and_euros() {
        assert_eq!(Amount::from_cents(99_999_999_999_999), Ok(Amount::MAX));
        assert_eq!(
            code(Amount::from_cents(100_000_000_000_000)),
            Err(IssueCode::AmountTooLarge)
        );
        assert_eq!(
            Amount::from_euros(999_999_999_999).unwrap().cents(),
            99_999_999_999_900
        );
        assert_eq!(
            code(Amount::from_euros(1_000_000_000_000)),
            Err(IssueCode::AmountTooLarge)
        );
        assert_eq!(
            code(Amount::from_euros(u64::MAX)),
            Err(IssueCode::AmountTooLarge)
        );
        assert!(Amount::from_cents(0).unwrap().is_zero());
        assert!(!Amount::from_cents(1).unwrap().is_zero());
    }

    #[test]
    fn parse_canonical() {
        assert_eq!(cents("241801.00"), 24_180_100);
        assert_eq!(cents("241801"), 24_180_100);
        assert_eq!(cents("1234.5"), 123_450);
        assert_eq!(cents("1234.56"), 123_456);
        assert_eq!(cents("0"), 0);
        assert_eq!(cents("0.01"), 1);
        assert_eq!(cents("007"), 700);
        assert_eq!(cents("1.2300"), 123);
        ambiguous("1.230"); // 1 230 € or 1,23 €
        assert_eq!(cents("1.2300000000000000000000000000000000000"), 123);
        assert_eq!(cents("999999999999.99"), 99_999_999_999_999);
        assert_eq!(cents("0000000000000000000000000000000000001"), 100);
        assert_eq!(cents("+12"), 1200);
    }

    #[test]
    fn plain_writings_read_as_by_the_general_rule() {
        // Every writing of up to 7 characters from digits, a dot and a comma: the fast path
        // either declines or agrees with the general rule.
        let alphabet = ['0', '1', '9', '.', ','];
        let mut writings = vec![String::new()];
        let mut checked = 0;
        for _ in 0..7 {
            let mut longer = Vec::new();
            for w in &writings {
                for c in alphabet {
                    let mut s = w.clone();
                    s.push(c);
                    if let Some(plain) = Amount::parse_plain(s.as_bytes()) {
                        assert_eq!(Ok(plain), Amount::parse_written(&s), "{s:?}");
                        checked += 1;
                    }
                    longer.push(s);
                }
            }
            writings = longer;
        }
        assert!(checked > 1000);
        for s in [
            "999999999999.99",
            "000000000000.5",
            "1234567890123",
            "0000000000001.00",
        ] {
            if let Some(plain) = Amount::parse_plain(s.as_bytes()) {
                assert_eq!(Ok(plain), Amount::parse_written(s), "{s:?}");
            }
            assert_eq!(
                code(Amount::parse(s)),
                code(Amount::parse_written(s)),
                "{s:?}"
            );
        }
    }

    #[test]
    fn parse_french() {
        assert_eq!(cents("241 801 €"), 24_180_100);
        assert_eq!(cents("1 234,56 €"), 123_456);
        assert_eq!(cents("1 234,56"), 123_456);
        assert_eq!(cents("40 800 euros"), 4_080_000);
        assert_eq!(cents("40 800 EUR"), 4_080_000);
        assert_eq!(cents("40800 Euro"), 4_080_000);
        assert_eq!(cents("40800€"), 4_080_000);
        assert_eq!(cents("12,5"), 1250);
        assert_eq!(cents("1 234 567,89 €"), 123_456_789);
        assert_eq!(cents("999 999 999 999,99 €"), 99_999_999_999_999);
    }

    #[test]
    fn parse_space_kinds() {
        assert_eq!(cents("1 234,56"), 123_456);
        assert_eq!(cents("1\u{a0}234,56"), 123_456);
        assert_eq!(cents("1\u{202f}234,56"), 123_456);
        assert_eq!(cents("1\u{2009}234,56"), 123_456);
        assert_eq!(cents("241\u{202f}801\u{a0}€"), 24_180_100);
        assert_eq!(cents("1\u{202f}234,56\u{a0}€"), 123_456);
        assert_eq!(cents("1\u{a0}234\u{202f}567"), 123_456_700);
    }

    #[test]
    fn parse_currency_and_white_space() {
        assert_eq!(cents("  1234.56  "), 123_456);
        assert_eq!(cents("\t1 234,56 €\n"), 123_456);
        assert_eq!(cents("€1234.56"), 123_456);
        assert_eq!(cents("€ 1 234,56"), 123_456);
        assert_eq!(cents("€1.50"), 150);
        // Both separators: the rightmost is the decimal one, whatever the currency's place.
        assert_eq!(cents("€1,234,567.89"), 123_456_789);
        assert_eq!(cents("€241,801.00"), 24_180_100);
        assert_eq!(cents("1.234.567,89 €"), 123_456_789);
        assert_eq!(cents("€1,5"), 150);
        assert_eq!(cents("\u{a0}12 €\u{a0}"), 1200);
        assert_eq!(cents("1.234.567 €"), 123_456_700); // several dots can only group
        assert_eq!(cents("0.500"), 50); // "0" cannot start a group of thousands
    }

    #[test]
    fn parse_ambiguous() {
        // A single separator followed by three digits: thousands or decimals? Refused.
        for s in [
            "12.000 €",
            "12.000",
            "1,000 €",
            "€1,000",
            "€241,801",
            "1.234",
            "999,999",
        ] {
            ambiguous(s);
        }
        let err = Amount::parse("12.000 €").unwrap_err();
        assert_eq!(
            err.params().get("as_thousands"),
            Some(&Param::Amount(Amount::from_euros(12_000).unwrap()))
        );
        assert_eq!(
            err.params().get("as_decimal"),
            Some(&Param::Amount(Amount::from_euros(12).unwrap()))
        );
        assert_eq!(
            err.message(Lang::Fr),
            "montant ambigu « 12.000 € » : 12\u{202f}000\u{a0}€ si « . » sépare les milliers, \
             12\u{a0}€ s’il sépare les centimes ; écrivez-le sans ambiguïté (12000, 12 000 € ou 12,00 €)"
        );
        // A reading that is not an amount is shown as a number.
        let err = Amount::parse("1.234").unwrap_err();
        assert_eq!(
            err.params().get("as_decimal"),
            Some(&Param::Decimal(Decimal::new(1234, 3)))
        );
    }

    #[test]
    fn parse_refused() {
        for s in [
            "",
            "   ",
            "€",
            "euros",
            "abc",
            "12a",
            "a12",
            "--3",
            "+-3",
            "-+3",
            "++3",
            "1-2",
            "3-",
            "1e3",
            "1E3",
            "1.5e2",
            "NaN",
            "nan",
            "inf",
            "Infinity",
            "-inf",
            "1 23",
            "12 3456",
            "1234 567",
            "1  234",
            " 1 234 5",
            "1 234,5 6",
            "1,2,3",
            "1.2.3",
            ".5",
            ",5",
            "5.",
            "5,",
            "€5 €",
            "€€5",
            "0x10",
            "1_000",
            "１２",
            "- 3",
            "-",
            "1 234,56 € €",
        ] {
            invalid(s);
        }
    }

    #[test]
    fn parse_invalid_keeps_64_chars() {
        let long: String = "é".repeat(100);
        let err = Amount::parse(&long).unwrap_err();
        assert_eq!(err.code(), IssueCode::AmountInvalid);
        assert_eq!(
            err.params().get("value"),
            Some(&Param::Text(format!("{}…", "é".repeat(64))))
        );
    }

    #[test]
    fn parse_negative() {
        assert_eq!(code(Amount::parse("-3 €")), Err(IssueCode::AmountNegative));
        assert_eq!(code(Amount::parse("-3")), Err(IssueCode::AmountNegative));
        assert_eq!(
            code(Amount::parse("-1 234,56 €")),
            Err(IssueCode::AmountNegative)
        );
        assert_eq!(code(Amount::parse("€-3")), Err(IssueCode::AmountNegative));
        assert_eq!(code(Amount::parse("-€3")), Err(IssueCode::AmountNegative));
        assert_eq!(
            code(Amount::parse("\u{2212}3\u{a0}€")),
            Err(IssueCode::AmountNegative)
        );
        assert_eq!(
            code(Amount::parse("-0.001")),
            Err(IssueCode::AmountNegative)
        );
        assert_eq!(Amount::parse("-0,00 €"), Ok(Amount::ZERO));
        // A sign does not make garbage a negative amount.
        invalid("-abc");
    }

    #[test]
    fn parse_too_precise_and_too_large() {
        assert_eq!(
            code(Amount::parse("1.2345")),
            Err(IssueCode::AmountTooPrecise)
        );
        assert_eq!(
            code(Amount::parse("1,0011 €")),
            Err(IssueCode::AmountTooPrecise)
        );
        assert_eq!(
            code(Amount::parse("1 234,567 €")),
            Err(IssueCode::AmountTooPrecise)
        );
        assert_eq!(
            code(Amount::parse("0.0000000000000000000000000000001")),
            Err(IssueCode::AmountTooPrecise)
        );
        assert_eq!(
            code(Amount::parse("1000000000000")),
            Err(IssueCode::AmountTooLarge)
        );
        assert_eq!(
            code(Amount::parse("1 000 000 000 000 €")),
            Err(IssueCode::AmountTooLarge)
        );
        assert_eq!(
            code(Amount::parse("999999999999.995")),
            Err(IssueCode::AmountTooPrecise)
        );
        let huge = "9".repeat(10_000);
        assert_eq!(code(Amount::parse(&huge)), Err(IssueCode::AmountTooLarge));
        let huge = format!("1.{}", "1".repeat(10_000));
        assert_eq!(code(Amount::parse(&huge)), Err(IssueCode::AmountTooPrecise));
        assert_eq!(
            code(Amount::parse("79228162514264337593543950336")),
            Err(IssueCode::AmountTooLarge)
        );
    }

    #[test]
    fn from_str_is_parse() {
        assert_eq!("1 234,56 €".parse::<Amount>(), Amount::parse("1 234,56 €"));
        assert_eq!(
            code("-3 €".parse::<Amount>()),
            Err(IssueCode::AmountNegative)
        );
    }

    #[test]
    fn display() {
        assert_eq!(
            Amount::from_cents(24_180_100).unwrap().to_string(),
            "241801.00"
        );
        assert_eq!(Amount::from_cents(123_456).unwrap().to_string(), "1234.56");
        assert_eq!(Amount::from_cents(5).unwrap().to_string(), "0.05");
        assert_eq!(Amount::from_cents(50).unwrap().to_string(), "0.50");
        assert_eq!(Amount::ZERO.to_string(), "0.00");
        assert_eq!(Amount::MAX.to_string(), "999999999999.99");
        assert_eq!(
            format!("{:>8}", Amount::from_cents(150).unwrap()),
            "    1.50"
        );
    }

    #[test]
    fn french() {
        let fr = |c: u64| Amount::from_cents(c).unwrap().to_french();
        assert_eq!(fr(24_180_100), "241\u{202f}801\u{a0}€");
        assert_eq!(fr(123_456), "1\u{202f}234,56\u{a0}€");
        assert_eq!(fr(4_080_000), "40\u{202f}800\u{a0}€");
        assert_eq!(fr(0), "0\u{a0}€");
        assert_eq!(fr(5), "0,05\u{a0}€");
        assert_eq!(fr(99_900), "999\u{a0}€");
        assert_eq!(fr(100_000), "1\u{202f}000\u{a0}€");
        assert_eq!(fr(123_456_789), "1\u{202f}234\u{202f}567,89\u{a0}€");
        assert_eq!(
            Amount::MAX.to_french(),
            "999\u{202f}999\u{202f}999\u{202f}999,99\u{a0}€"
        );
        assert_eq!(
            Amount::from_cents(150).unwrap().format(Lang::Fr),
            "1,50\u{a0}€"
        );
    }

    #[test]
    fn english() {
        let en = |c: u64| Amount::from_cents(c).unwrap().to_english();
        assert_eq!(en(24_180_100), "€241,801.00");
        assert_eq!(en(123_456), "€1,234.56");
        assert_eq!(en(0), "€0.00");
        assert_eq!(en(7), "€0.07");
        assert_eq!(en(123_456_789), "€1,234,567.89");
        assert_eq!(Amount::MAX.to_english(), "€999,999,999,999.99");
        assert_eq!(Amount::from_cents(150).unwrap().format(Lang::En), "€1.50");
    }

    #[test]
    fn checked_arithmetic() {
        let one = Amount::from_cents(1).unwrap();
        assert_eq!(Amount::MAX.checked_add(Amount::ZERO), Some(Amount::MAX));
        assert_eq!(Amount::MAX.checked_add(one), None);
        assert_eq!(Amount::MAX.checked_add(Amount::MAX), None);
        assert_eq!(
            Amount::from_cents(99_999_999_999_998)
                .unwrap()
                .checked_add(one),
            Some(Amount::MAX)
        );
        assert_eq!(Amount::ZERO.checked_sub(one), None);
        assert_eq!(Amount::MAX.checked_sub(Amount::MAX), Some(Amount::ZERO));
        assert_eq!(
            Amount::from_cents(1000).unwrap().checked_sub(one),
            Some(Amount::from_cents(999).unwrap())
        );
    }

    #[test]
    fn checked_sum() {
        assert_eq!(Amount::checked_sum([]), Some(Amount::ZERO));
        let parts = [150, 250, 1].map(|c| Amount::from_cents(c).unwrap());
        assert_eq!(
            Amount::checked_sum(parts),
            Some(Amount::from_cents(401).unwrap())
        );
        assert_eq!(
            Amount::checked_sum([Amount::MAX, Amount::ZERO]),
            Some(Amount::MAX)
        );
        let half = Amount::from_cents(50_000_000_000_000).unwrap();
        assert_eq!(Amount::checked_sum([half, half]), None);
        assert_eq!(
            Amount::checked_sum(std::iter::repeat_n(Amount::MAX, 1000)),
            None
        );
    }

    #[test]
    fn share_of() {
        let a = |c: u64| Amount::from_cents(c).unwrap();
        assert_eq!(a(1).share_of(a(3)), Some(Decimal::new(3333, 4)));
        assert_eq!(a(2).share_of(a(3)), Some(Decimal::new(6667, 4)));
        // 1/8 = 0.125 exactly; 1/16 = 0.0625; 1/32 = 0.03125 -> half away from zero: 0.0313.
        assert_eq!(a(1).share_of(a(8)), Some(Decimal::new(1250, 4)));
        assert_eq!(a(1).share_of(a(32)), Some(Decimal::new(313, 4)));
        // 5/32 = 0.15625: half away from zero gives 0.1563 (banker's rounding would give 0.1562).
        assert_eq!(a(5).share_of(a(32)), Some(Decimal::new(1563, 4)));
        assert_eq!(a(3).share_of(a(3)), Some(Decimal::new(10000, 4)));
        assert_eq!(a(6).share_of(a(3)), Some(Decimal::new(20000, 4)));
        assert_eq!(Amount::ZERO.share_of(a(3)), Some(Decimal::ZERO));
        assert_eq!(a(3).share_of(Amount::ZERO), None);
        assert_eq!(
            Amount::MAX.share_of(a(1)),
            Some(Decimal::new(99_999_999_999_999, 0))
        );
    }

    #[test]
    fn serde_round_trip() {
        let a = Amount::from_cents(123_456).unwrap();
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"1234.56\"");
        assert_eq!(serde_json::to_string(&Amount::ZERO).unwrap(), "\"0.00\"");
        assert_eq!(serde_json::from_str::<Amount>("\"1234.56\"").unwrap(), a);
        assert_eq!(serde_json::from_str::<Amount>("\"1 234,56 €\"").unwrap(), a);
        assert_eq!(
            serde_json::from_str::<Amount>("\"1\\u202f234,56\\u00a0€\"").unwrap(),
            a
        );
    }

    #[test]
    fn serde_integer() {
        assert_eq!(
            serde_json::from_str::<Amount>("40800").unwrap(),
            Amount::from_cents(4_080_000).unwrap()
        );
        assert_eq!(serde_json::from_str::<Amount>("0").unwrap(), Amount::ZERO);
        let err = serde_json::from_str::<Amount>("1000000000000").unwrap_err();
        assert!(err.to_string().contains("too large"), "{err}");
        let err = serde_json::from_str::<Amount>("18446744073709551615").unwrap_err();
        assert!(err.to_string().contains("too large"), "{err}");
    }

    #[test]
    fn serde_refuses_float() {
        for json in ["40800.5", "4e4", "40800.0", "1.5E2", "-1.5"] {
            let err = serde_json::from_str::<Amount>(json).unwrap_err();
            assert!(
                err.to_string().contains("must be written as text"),
                "{json}: {err}"
            );
        }
    }

    #[test]
    fn serde_refuses_negative_and_invalid() {
        let err = serde_json::from_str::<Amount>("-5").unwrap_err();
        assert!(err.to_string().contains("negative"), "{err}");
        let err = serde_json::from_str::<Amount>("\"-5 €\"").unwrap_err();
        assert!(err.to_string().contains("negative"), "{err}");
        let err = serde_json::from_str::<Amount>("\"abc\"").unwrap_err();
        assert!(err.to_string().contains("unreadable amount"), "{err}");
        assert!(serde_json::from_str::<Amount>("true").is_err());
        assert!(serde_json::from_str::<Amount>("null").is_err());
        assert!(serde_json::from_str::<Amount>("[1]").is_err());
    }

    #[test]
    fn error_codes_and_messages() {
        let cases = [
            ("abc", IssueCode::AmountInvalid),
            ("-3", IssueCode::AmountNegative),
            ("1.234567", IssueCode::AmountTooPrecise),
            ("1000000000000", IssueCode::AmountTooLarge),
            ("12.000", IssueCode::AmountAmbiguous),
        ];
        for (written, expected) in cases {
            let err = Amount::parse(written).unwrap_err();
            assert_eq!(err.code(), expected);
            assert_eq!(err.message(Lang::En), err.to_string());
            assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
        }
        assert_eq!(
            Amount::parse("abc").unwrap_err().message(Lang::Fr),
            "montant illisible : « abc » (attendu : 1 234,56 € ou 1234.56)"
        );
        assert_eq!(
            Amount::parse("abc").unwrap_err().to_string(),
            "unreadable amount: \"abc\" (expected 1234.56 or 1 234,56 €)"
        );
        assert_eq!(
            Amount::float_error("40800.5").to_string(),
            "amount given as a binary floating-point number (40800.5): amounts must be written as text (\"1234.56\") or whole euros"
        );
    }

    #[test]
    fn host_numbers() {
        assert_eq!(
            Amount::from_decimal_text("1E+3"),
            Ok(Amount::from_euros(1000).unwrap())
        );
        assert_eq!(
            Amount::from_decimal_text("12.50"),
            Ok(Amount::from_cents(1250).unwrap())
        );
        assert_eq!(
            code(Amount::from_decimal_text("1.005")),
            Err(IssueCode::AmountTooPrecise)
        );
        assert_eq!(
            code(Amount::from_decimal_text("1E+30")),
            Err(IssueCode::AmountTooLarge)
        );
        assert_eq!(
            code(Amount::from_integer_text("-5")),
            Err(IssueCode::AmountNegative)
        );
        assert_eq!(Amount::from_integer_text("-0"), Ok(Amount::ZERO));
        assert_eq!(
            code(Amount::from_integer_text(&"9".repeat(40))),
            Err(IssueCode::AmountTooLarge)
        );
    }

    #[cfg(feature = "schema")]
    #[test]
    fn json_schema_matches_canonical_output() {
        let schema = schemars::schema_for!(Amount);
        let schema = serde_json::to_value(&schema).unwrap();
        assert_eq!(schema["type"], "string");
        assert_eq!(schema["pattern"], r"^[0-9]{1,12}\.[0-9]{2}$");
        let validator = jsonschema::validator_for(&schema).unwrap();
        for c in [0, 1, 150, 123_456, 24_180_100, 99_999_999_999_999] {
            let json = serde_json::to_value(Amount::from_cents(c).unwrap()).unwrap();
            assert!(validator.is_valid(&json), "{json}");
        }
        for bad in ["1 234,56 €", "1234.5", "-1.00", "1000000000000.00"] {
            assert!(!validator.is_valid(&serde_json::json!(bad)), "{bad}");
        }
        assert!(!validator.is_valid(&serde_json::json!(12)));
    }
}
