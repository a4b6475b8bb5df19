//! The RON parser's complaints, said in plain words to a therapist who
//! edited a file by hand: what is wrong, and for a misspelt name the one
//! that was probably meant.

use ron::error::{Error, Position};

/// A plain message for `error`, found at `at` in `text` (the file's text).
pub(crate) fn plain_message(error: &Error, text: &str, at: Position) -> String {
    let field = field_before(text, at);
    let of_field = |what: &str| match &field {
        Some(field) => format!("{what} for `{field}`"),
        None => what.to_owned(),
    };
    match error {
        Error::Eof => "the file ends too early: a bracket `(` or `[`, or a quote `\"`, \
                       is not closed"
            .to_owned(),
        Error::ExpectedArray => of_field("expected a list in square brackets `[ … ]`"),
        Error::ExpectedArrayEnd => {
            "expected `]` to close the list, or a comma before the next entry".to_owned()
        }
        Error::ExpectedComma => "expected a comma between two entries".to_owned(),
        Error::ExpectedInteger => of_field("expected a whole number"),
        Error::ExpectedFloat => of_field("expected a number"),
        Error::ExpectedBoolean => of_field("expected true or false"),
        Error::ExpectedOption => of_field("expected a value, or None"),
        Error::ExpectedOptionEnd | Error::ExpectedStructLikeEnd => {
            "expected `)` to close the brackets, or a comma before the next field".to_owned()
        }
        Error::ExpectedMap => of_field("expected `{`"),
        Error::ExpectedMapColon => "expected `:` after the name".to_owned(),
        Error::ExpectedMapEnd => "expected `}` to close the braces".to_owned(),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => match &field {
            Some(field) => format!("expected `(` to open `{field}`"),
            None if at.line == 1 || text[..offset_of(text, at)].trim().is_empty() => {
                "a plan file starts with `(` (after any comments)".to_owned()
            }
            None => "expected `(` here".to_owned(),
        },
        Error::ExpectedDifferentStructName { expected, found } => {
            format!("expected {} here, not `{found}`", in_words(expected))
        }
        Error::ExpectedUnit => "expected `()`".to_owned(),
        Error::ExpectedString => of_field("expected text in double quotes (\"…\")"),
        Error::ExpectedStringEnd => "the text in quotes is not closed: a `\"` is missing".to_owned(),
        Error::ExpectedIdentifier => match &field {
            Some(field) => format!(
                "expected a name without quotes for `{field}` (such as `Left` or `piriformis`)"
            ),
            None => "expected a field name (such as `notes`) followed by `:`".to_owned(),
        },
        Error::InvalidEscape(_) => {
            "a backslash `\\` in text starts an escape that does not exist; write `\\\\` \
             for a backslash"
                .to_owned()
        }
        Error::IntegerOutOfBounds => match &field {
            Some(field) => format!("the number for `{field}` is out of range (too large, or below zero)"),
            None => "the number is out of range (too large, or below zero)".to_owned(),
        },
        Error::InvalidIntegerDigit { digit, .. } => {
            format!("`{digit}` is not a digit; a whole number is written like 12")
        }
        Error::UnderscoreAtBeginning | Error::FloatUnderscore => {
            "a number cannot contain `_` here".to_owned()
        }
        Error::UnclosedBlockComment => "a `/*` comment is not closed with `*/`".to_owned(),
        Error::UnexpectedChar(c) => format!("unexpected `{c}` here"),
        Error::TrailingCharacters => {
            "there is more after the plan's closing `)`; the plan must be the only thing in the file"
                .to_owned()
        }
        Error::InvalidValueForType { expected, found } => {
            format!("{}: expected {expected}, found {found}", field.unwrap_or_default())
                .trim_start_matches(": ")
                .to_owned()
        }
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let kind = outer.as_deref().map_or("value", kind_in_words);
            let mut message = format!("unknown {kind} `{found}`");
            message.push_str(&suggestion(found, expected, "one of"));
            message
        }
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", in_words(o)))
                .unwrap_or_default();
            let mut message = format!("unknown field `{found}`{place}");
            message.push_str(&suggestion(found, expected, "the fields are"));
            message
        }
        Error::MissingStructField { field, outer } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", in_words(o)))
                .unwrap_or_default();
            format!("`{field}` is missing{place}")
        }
        Error::DuplicateStructField { field, outer } => {
            let place = outer
                .as_deref()
                .map(|o| format!(" in {}", in_words(o)))
                .unwrap_or_default();
            format!("`{field}` is given twice{place}")
        }
        Error::ExceededRecursionLimit => "brackets are nested too deeply here (more than 32 \
                                          levels); a plan never nests this deep"
            .to_owned(),
        Error::Utf8Error(_) => "the file is not UTF-8 text".to_owned(),
        Error::Message(message) => match &field {
            // serde's own messages ("invalid type: …") name no field.
            Some(field) if message.starts_with("invalid ") => format!("`{field}`: {message}"),
            _ => message.clone(),
        },
        other => other.to_string(),
    }
}

/// ": did you mean `quadratus_lumborum`?" when one name is close to what
/// was written; otherwise the names there are ("; one of: a, b, c").
fn suggestion(found: &str, names: &[&str], list_words: &str) -> String {
    match closest(found, names) {
        Some(name) => format!(": did you mean `{name}`?"),
        None if names.is_empty() => String::new(),
        None => {
            let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("; {list_words}: {}", names.join(", "))
        }
    }
}

/// The name closest to `found`, if it is close enough to be a slip of the
/// keyboard: a few letters wrong, another case, `_` left out.
fn closest<'n>(found: &str, names: &[&'n str]) -> Option<&'n str> {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '_' && *c != '-' && !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = squash(found);
    let (distance, name) = names
        .iter()
        .map(|name| (strsim::levenshtein(&wanted, &squash(name)), *name))
        .min_by_key(|(distance, _)| *distance)?;
    let allowed = (wanted.chars().count() / 4).clamp(1, 3);
    (distance <= allowed).then_some(name)
}

/// What an enum of the plan files is called in words.
fn kind_in_words(name: &str) -> &str {
    match name {
        "Muscle" => "muscle",
        "Technique" => "technique",
        "Side" => "side",
        "ConditionKind" => "condition",
        "Level" => "level",
        other => other,
    }
}

/// A struct of the plan files in words.
fn in_words(name: &str) -> String {
    match name {
        "Plan" => "the plan".to_owned(),
        "Client" => "the client".to_owned(),
        "Step" => "a step".to_owned(),
        "Pain" => "a pain rating".to_owned(),
        "Acknowledgement" => "an acknowledged warning".to_owned(),
        "ClientRecord" => "the client record".to_owned(),
        "Condition" => "a condition".to_owned(),
        "Area" => "an area".to_owned(),
        other => format!("`{other}`"),
    }
}

/// The name of the field whose value starts near `at`: the last `name:`
/// before it on the same line.
fn field_before(text: &str, at: Position) -> Option<String> {
    let line = text.lines().nth(at.line.checked_sub(1)?)?;
    let before: String = line.chars().take(at.col.saturating_sub(1)).collect();
    let colon = before.rfind(':')?;
    let name: String = before[..colon]
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let starts_well = name.chars().next().is_some_and(|c| c.is_alphabetic());
    starts_well.then_some(name)
}

/// Byte offset of a 1-based line and column in `text` (the end when past it).
fn offset_of(text: &str, at: Position) -> usize {
    let mut line = 1;
    let mut col = 1;
    for (offset, c) in text.char_indices() {
        if line == at.line && col == at.col {
            return offset;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MUSCLES: &[&str] = &["quadratus_lumborum", "gluteus_medius", "piriformis"];

    #[test]
    fn a_slip_of_the_keyboard_finds_the_name_meant() {
        assert_eq!(
            closest("quadratus_lumborom", MUSCLES),
            Some("quadratus_lumborum")
        );
        assert_eq!(closest("Piriformis", MUSCLES), Some("piriformis"));
        assert_eq!(closest("gluteusmedius", MUSCLES), Some("gluteus_medius"));
        assert_eq!(
            closest("deep_tissue", &["Swedish", "DeepTissue"]),
            Some("DeepTissue")
        );
    }

    #[test]
    fn a_different_word_is_not_guessed_at() {
        assert_eq!(closest("psoas_major", MUSCLES), None);
        assert_eq!(closest("Reiki", &["Swedish", "Shiatsu", "Sports"]), None);
        assert_eq!(closest("x", MUSCLES), None);
    }

    #[test]
    fn the_field_is_the_last_name_before_the_value() {
        let text = "(\n    minutes: 99999999,\n)";
        assert_eq!(
            field_before(text, Position { line: 2, col: 14 }).as_deref(),
            Some("minutes")
        );
        assert_eq!(field_before(text, Position { line: 1, col: 1 }), None);
    }
}
