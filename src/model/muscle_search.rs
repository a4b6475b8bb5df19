//! Finding a muscle and side from a few typed letters ("ql r", "glut med
//! left", "pir"), for adding a step without the mouse.

use super::{Muscle, MuscleSide, Side};

/// The muscles and sides the query names, best first. A side word ("l",
/// "left", "r", "right", "b", "both") anywhere in the query picks the side;
/// without one the step is for both sides. Every other word must start a
/// word of the muscle's name, or be its initials ("ql", "tfl").
pub fn find_muscles(query: &str) -> Vec<MuscleSide> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let side = words
        .iter()
        .find_map(|w| side_word(w))
        .unwrap_or(Side::Both);
    let muscle_words: Vec<&str> = words
        .iter()
        .filter(|w| side_word(w).is_none())
        .map(String::as_str)
        .collect();
    if muscle_words.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u32, Muscle)> = Muscle::ALL
        .into_iter()
        .filter_map(|m| score(m, &muscle_words).map(|s| (s, m)))
        .collect();
    scored.sort_by_key(|&(s, m)| (std::cmp::Reverse(s), m));
    scored
        .into_iter()
        .map(|(_, muscle)| MuscleSide::new(muscle, side))
        .collect()
}

fn side_word(word: &str) -> Option<Side> {
    match word {
        "l" | "lt" | "left" => Some(Side::Left),
        "r" | "rt" | "right" => Some(Side::Right),
        "b" | "both" | "bilateral" => Some(Side::Both),
        _ => None,
    }
}

/// How well the words name the muscle (`None`: not at all). Initials
/// matching exactly score highest, then whole words, then prefixes.
fn score(muscle: Muscle, words: &[&str]) -> Option<u32> {
    let name = muscle.name().to_lowercase();
    let name_words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let initials: String = name_words.iter().filter_map(|w| w.chars().next()).collect();
    let short = muscle.short_name().to_lowercase();
    let mut total = 0;
    for word in words {
        let best = if *word == initials || *word == short {
            30
        } else if name_words.contains(word) {
            20
        } else if name_words.iter().any(|w| w.starts_with(word)) {
            10
        } else {
            return None;
        };
        total += best;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(query: &str) -> Option<MuscleSide> {
        find_muscles(query).first().copied()
    }

    #[test]
    fn initials_and_a_side_letter_find_the_muscle_on_that_side() {
        assert_eq!(
            first("ql r"),
            Some(MuscleSide::new(Muscle::QuadratusLumborum, Side::Right))
        );
        assert_eq!(
            first("TFL left"),
            Some(MuscleSide::new(Muscle::TensorFasciaeLatae, Side::Left))
        );
    }

    #[test]
    fn word_beginnings_find_the_muscle_and_no_side_means_both() {
        assert_eq!(
            first("glut med"),
            Some(MuscleSide::new(Muscle::GluteusMedius, Side::Both))
        );
        assert_eq!(
            first("l pir"),
            Some(MuscleSide::new(Muscle::Piriformis, Side::Left))
        );
    }

    #[test]
    fn a_word_in_no_muscle_name_finds_nothing() {
        assert!(find_muscles("biceps r").is_empty());
        assert!(find_muscles("r").is_empty(), "a side alone names no muscle");
        assert!(find_muscles("").is_empty());
    }

    #[test]
    fn an_ambiguous_beginning_lists_every_muscle_it_starts() {
        let found: Vec<Muscle> = find_muscles("glut").iter().map(|m| m.muscle).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found.contains(&Muscle::GluteusMinimus));
    }
}
