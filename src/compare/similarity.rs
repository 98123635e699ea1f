//! How alike two headings are, from their sets of adjacent character
//! pairs (bigrams), over letters and digits only: the mean of their Dice
//! coefficient (the pairs in common over the pairs of both) and, when the
//! shorter has at least [`OVERLAP_MIN`] pairs, their overlap coefficient
//! (the pairs in common over those of the shorter). A heading that grew a
//! clause (`全面深化改革开放` → `大力深化改革开放，发展活力进一步增强`) keeps
//! most of its likeness; a short heading is not like every long one that
//! holds its words.
//!
//! Chinese has no spaces to split words at; bigrams of characters are the
//! usual unit of Chinese text matching, and they make the measure blind
//! to numbering, punctuation and spacing, and robust to a word inserted
//! or dropped (`扩大内需` / `扩大国内需求` share 扩大 and 需求… only in
//! part; `2016年工作回顾` / `2017年工作回顾` most of their pairs).

/// A heading's bigrams, sorted and without repeats. A heading of one
/// character is that character alone.
/// The fewest pairs the shorter heading needs for the overlap
/// coefficient to count (four characters).
pub const OVERLAP_MIN: usize = 3;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grams(Vec<u64>);

impl Grams {
    pub fn of(text: &str) -> Self {
        let mut grams = Vec::new();
        Self::add(&mut grams, text);
        grams.sort_unstable();
        grams.dedup();
        Grams(grams)
    }

    /// The bigrams of several texts together (a node's subtree).
    pub fn of_all<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut grams = Vec::new();
        for text in texts {
            Self::add(&mut grams, text);
        }
        grams.sort_unstable();
        grams.dedup();
        Grams(grams)
    }

    /// Adds the pairs of each run of letters and digits in `text` (none
    /// across a mark: `开放，发展` has no pair `放发`), or its one char.
    fn add(grams: &mut Vec<u64>, text: &str) {
        let mut previous: Option<char> = None;
        let mut first: Option<char> = None;
        let mut pairs = 0;
        for c in text.chars() {
            let Some(c) = normal_char(c) else {
                previous = None;
                continue;
            };
            if let Some(before) = previous {
                // A char is at most 21 bits: the pair fits in a u64 whole.
                grams.push((u64::from(before) << 21) | u64::from(c));
                pairs += 1;
            }
            first.get_or_insert(c);
            previous = Some(c);
        }
        if let (0, Some(c)) = (pairs, first) {
            grams.push(u64::from(c) | (1 << 63));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How alike the two sets are, 0 to 1 (see the module's doc).
    pub fn likeness(&self, other: &Grams) -> f32 {
        let dice = self.dice(other);
        let short = self.0.len().min(other.0.len());
        if short < OVERLAP_MIN {
            return dice;
        }
        (dice + self.common(other) as f32 / short as f32) / 2.0
    }

    /// Twice the pairs in common over the pairs of both: 1 for the same
    /// set, 0 for nothing in common (or either empty).
    pub fn dice(&self, other: &Grams) -> f32 {
        let total = self.0.len() + other.0.len();
        if self.0.is_empty() || other.0.is_empty() {
            return 0.0;
        }
        (2 * self.common(other)) as f32 / total as f32
    }

    /// How many pairs the two sets have in common.
    fn common(&self, other: &Grams) -> usize {
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < self.0.len() && j < other.0.len() {
            match self.0[i].cmp(&other.0[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        common
    }
}

/// A letter or digit as compared (full-width digits and Latin letters as
/// ASCII, Latin letters lower case); `None` for anything else.
pub fn normal_char(c: char) -> Option<char> {
    let c = match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    };
    c.is_alphanumeric().then(|| c.to_ascii_lowercase())
}

/// A heading as compared for sameness: its letters and digits.
pub fn normal(text: &str) -> String {
    text.chars().filter_map(normal_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_of_bigrams() {
        let a = Grams::of("2016年工作回顾");
        let b = Grams::of("２０１７年工作回顾。");
        // 20 01 年工 工作 作回 回顾 of 8 and 8.
        assert_eq!(a.dice(&b), 12.0 / 16.0);
        assert_eq!(a.dice(&a), 1.0);
        assert_eq!(Grams::of("，").dice(&Grams::of("，")), 0.0);
        assert_eq!(Grams::of("党").dice(&Grams::of("党")), 1.0);
        assert_eq!(Grams::of("党").dice(&Grams::of("党建")), 0.0);
    }

    #[test]
    fn likeness_keeps_a_heading_that_grew_a_clause() {
        let short = Grams::of("全面深化改革开放");
        let long = Grams::of("大力深化改革开放，发展活力进一步增强");
        // 5 pairs in common of 7 and 15 (none across the comma).
        assert_eq!(short.dice(&long), 10.0 / 22.0);
        assert_eq!(short.likeness(&long), (10.0 / 22.0 + 5.0 / 7.0) / 2.0);
        // Too short for the overlap to count: 消费 is in many headings.
        let word = Grams::of("促消费");
        let other = Grams::of("大力提振消费，扩大有效投资");
        assert_eq!(word.likeness(&other), word.dice(&other));
    }

    #[test]
    fn sameness_ignores_marks_and_widths() {
        assert_eq!(normal("“三去一降一补” ５G，Ａ"), "三去一降一补5ga");
    }
}
