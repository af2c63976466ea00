//! Exact split of an amount over weights, to the cent (largest-remainder method).

use crate::Amount;

/// Why an amount cannot be split.
///
/// ```
/// use ctg_core::{Amount, SplitError};
/// let amount = Amount::from_euros(100)?;
/// assert_eq!(amount.split(&[]), Err(SplitError::NoWeights));
/// assert_eq!(amount.split(&[0, 0]), Err(SplitError::ZeroWeights));
/// assert_eq!(amount.split_evenly(0), Err(SplitError::NoWeights));
/// # Ok::<(), ctg_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SplitError {
    /// There is nothing to split over (no weights, or zero parts).
    NoWeights,
    /// Every weight is zero, so no part can receive anything.
    ZeroWeights,
}

impl SplitError {
    /// The issue code (`split.no_weights`, `split.zero_weights`), whose message comes from the
    /// catalogue.
    ///
    /// ```
    /// use ctg_core::{Lang, SplitError};
    /// assert_eq!(SplitError::ZeroWeights.code().as_str(), "split.zero_weights");
    /// assert!(SplitError::ZeroWeights.message(Lang::Fr).contains("nuls"));
    /// ```
    pub fn code(&self) -> crate::IssueCode {
        match self {
            SplitError::NoWeights => crate::IssueCode::SplitNoWeights,
            SplitError::ZeroWeights => crate::IssueCode::SplitZeroWeights,
        }
    }

    /// The message in `lang`, from the catalogue.
    ///
    /// ```
    /// use ctg_core::{Lang, SplitError};
    /// assert_eq!(SplitError::NoWeights.message(Lang::En), "cannot split an amount over no parts");
    /// ```
    pub fn message(&self, lang: crate::Lang) -> String {
        self.code().template(lang).to_owned()
    }
}

impl std::fmt::Display for SplitError {
    /// The English message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::Lang::En))
    }
}

impl std::error::Error for SplitError {}

impl From<SplitError> for crate::ParseError {
    fn from(e: SplitError) -> crate::ParseError {
        crate::ParseError::new(e.code(), crate::Params::new())
    }
}

impl Amount {
    /// Splits the amount, in cents, proportionally to `weights`, so that the parts always add up
    /// exactly to the whole.
    ///
    /// Largest-remainder method: part `i` first gets `floor(cents × wᵢ / W)` (with `W` the sum of
    /// the weights); the cents left over then go one each to the parts with the largest remainders,
    /// ties going to the lowest index. The result is deterministic, has one part per weight, a part
    /// of weight 0 gets 0, and every part differs from its exact share by less than one cent.
    ///
    /// # Errors
    /// [`SplitError::NoWeights`] when `weights` is empty, [`SplitError::ZeroWeights`] when they
    /// are all zero.
    ///
    /// ```
    /// use ctg_core::Amount;
    /// let parts = Amount::from_euros(100)?.split(&[1, 1, 1])?;
    /// let parts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    /// assert_eq!(parts, ["33.34", "33.33", "33.33"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split(self, weights: &[u64]) -> Result<Vec<Amount>, SplitError> {
        if weights.is_empty() {
            return Err(SplitError::NoWeights);
        }
        // A slice cannot hold anywhere near 2^64 elements, so this sum of u64 fits in u128.
        let total: u128 = weights.iter().map(|&w| u128::from(w)).sum();
        if total == 0 {
            return Err(SplitError::ZeroWeights);
        }
        let cents = u128::from(self.cents());
        // cents < 2^47 and w < 2^64, so cents × w < 2^111.
        let (mut parts, remainders): (Vec<u128>, Vec<u128>) = weights
            .iter()
            .map(|&w| {
                let product = cents * u128::from(w);
                (product / total, product % total)
            })
            .unzip();
        let distributed: u128 = parts.iter().sum();
        // Each part is at most its exact share, and the shares sum to `cents`.
        let leftover = usize::try_from(cents - distributed).unwrap_or(usize::MAX);
        let mut order: Vec<usize> = (0..weights.len()).collect();
        // Largest remainder first; the sort is stable, so equal remainders keep index order.
        crate::sorting::sort_by_key(&mut order, |&i| {
            std::cmp::Reverse(remainders.get(i).copied())
        });
        for &i in order.iter().take(leftover) {
            if let Some(part) = parts.get_mut(i) {
                *part += 1;
            }
        }
        Ok(parts.into_iter().map(cents_to_amount).collect())
    }

    /// Splits the amount into `parts` equal shares to the cent (e.g. an annual envelope over the
    /// years of a convention); the first shares get the extra cents. Same as [`Amount::split`] with
    /// `parts` equal weights.
    ///
    /// # Errors
    /// [`SplitError::NoWeights`] when `parts` is zero.
    ///
    /// ```
    /// use ctg_core::Amount;
    /// let years = Amount::from_cents(100_001)?.split_evenly(3)?;
    /// let years: Vec<String> = years.iter().map(|p| p.to_string()).collect();
    /// assert_eq!(years, ["333.34", "333.34", "333.33"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split_evenly(self, parts: usize) -> Result<Vec<Amount>, SplitError> {
        if parts == 0 {
            return Err(SplitError::NoWeights);
        }
        let cents = u128::from(self.cents());
        let n = parts as u128;
        let (share, extra) = (cents / n, cents % n);
        Ok((0..parts)
            .map(|i| cents_to_amount(share + u128::from((i as u128) < extra)))
            .collect())
    }
}

/// A part of a split: never more than the whole, so always a valid amount.
fn cents_to_amount(cents: u128) -> Amount {
    u64::try_from(cents)
        .ok()
        .and_then(|c| Amount::from_cents(c).ok())
        .unwrap_or(Amount::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_cents(cents: u64, weights: &[u64]) -> Vec<u64> {
        Amount::from_cents(cents)
            .unwrap()
            .split(weights)
            .unwrap()
            .iter()
            .map(Amount::cents)
            .collect()
    }

    #[test]
    fn thirds() {
        assert_eq!(split_cents(10_000, &[1, 1, 1]), [3334, 3333, 3333]);
    }

    #[test]
    fn ties_go_to_lowest_index() {
        // 2 cents over 3 equal weights: remainders all equal, first two get the cents.
        assert_eq!(split_cents(2, &[5, 5, 5]), [1, 1, 0]);
        // 1 cent over two equal weights.
        assert_eq!(split_cents(1, &[1, 1]), [1, 0]);
    }

    #[test]
    fn largest_remainder_wins() {
        // 100 cents over [1, 2]: exact 33.33.. and 66.66..; floors 33, 66; remainders 1/3, 2/3.
        assert_eq!(split_cents(100, &[1, 2]), [33, 67]);
        // 10 cents over [3, 3, 4]: exact 3, 3, 4.
        assert_eq!(split_cents(10, &[3, 3, 4]), [3, 3, 4]);
        // 7 cents over [1, 2, 4]: exact 1, 2, 4.
        assert_eq!(split_cents(7, &[1, 2, 4]), [1, 2, 4]);
        // 10 cents over [1, 2, 4]: exact 10/7=1.43, 20/7=2.86, 40/7=5.71 -> floors 1, 2, 5 (8);
        // remainders 3/7, 6/7, 5/7 -> the 2 left go to index 1 then 2.
        assert_eq!(split_cents(10, &[1, 2, 4]), [1, 3, 6]);
    }

    #[test]
    fn zero_weight_gets_zero() {
        assert_eq!(split_cents(100, &[0, 1, 0, 1]), [0, 50, 0, 50]);
        assert_eq!(split_cents(101, &[0, 1, 0, 1]), [0, 51, 0, 50]);
        assert_eq!(split_cents(5, &[0, 3]), [0, 5]);
    }

    #[test]
    fn zero_amount() {
        assert_eq!(split_cents(0, &[1, 2, 3]), [0, 0, 0]);
    }

    #[test]
    fn huge_weights_and_amount() {
        // cents × weight exceeds u64: 99_999_999_999_999 × (2^64 - 1).
        let parts = split_cents(99_999_999_999_999, &[u64::MAX, u64::MAX]);
        assert_eq!(parts, [50_000_000_000_000, 49_999_999_999_999]);
        let parts = split_cents(99_999_999_999_999, &[u64::MAX, 0, u64::MAX, u64::MAX]);
        assert_eq!(
            parts,
            [
                33_333_333_333_333,
                0,
                33_333_333_333_333,
                33_333_333_333_333
            ]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(Amount::MAX.split(&[]), Err(SplitError::NoWeights));
        assert_eq!(Amount::MAX.split(&[0, 0]), Err(SplitError::ZeroWeights));
        assert_eq!(Amount::MAX.split_evenly(0), Err(SplitError::NoWeights));
    }

    #[test]
    fn evenly() {
        let even = |cents: u64, n: usize| -> Vec<u64> {
            Amount::from_cents(cents)
                .unwrap()
                .split_evenly(n)
                .unwrap()
                .iter()
                .map(Amount::cents)
                .collect()
        };
        assert_eq!(even(10_000, 3), [3334, 3333, 3333]);
        assert_eq!(even(100_001, 3), [33_334, 33_334, 33_333]);
        assert_eq!(even(12_000_000, 4), [3_000_000; 4]);
        assert_eq!(even(7, 1), [7]);
        assert_eq!(even(2, 5), [1, 1, 0, 0, 0]);
    }

    #[test]
    fn evenly_matches_equal_weights() {
        for cents in [0, 1, 2, 99, 100, 101, 12_345, 99_999_999_999_999] {
            let a = Amount::from_cents(cents).unwrap();
            for n in 1..=7 {
                assert_eq!(a.split_evenly(n), a.split(&vec![1; n]), "{cents} / {n}");
            }
        }
    }
}
