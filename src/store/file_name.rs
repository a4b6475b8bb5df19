use crate::model::Plan;

/// Longest client part of a file name, in characters; keeps paths short on
/// every platform and sync service.
const MAX_CLIENT_CHARS: usize = 48;

/// `anna-berg-2026-11-25`: client and date, readable and safe as one path
/// component whatever the client name holds (no separators, no `..`, no
/// control characters, no Windows device names, bounded length).
pub fn file_stem_for(plan: &Plan) -> String {
    format!("{}-{}", client_slug(&plan.client.name), plan.date)
}

/// `anna-berg`: the client part of file names, safe as a path component.
pub fn client_slug(name: &str) -> String {
    let mut client = String::new();
    let mut pending_dash = false;
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            if pending_dash && !client.is_empty() {
                client.push('-');
            }
            pending_dash = false;
            client.extend(ch.to_lowercase());
        } else {
            pending_dash = true;
        }
        if client.chars().count() >= MAX_CLIENT_CHARS {
            break;
        }
    }
    if client.is_empty() {
        client.push_str("unnamed-client");
    }
    client
}

/// `anna-berg-2026-11-25.ron`, or with `-2`, `-3`... for further plans the
/// same day (`attempt` counts from 1).
pub fn file_name_for(plan: &Plan, attempt: u32) -> String {
    let stem = file_stem_for(plan);
    if attempt <= 1 {
        format!("{stem}.{}", super::PLAN_EXTENSION)
    } else {
        format!("{stem}-{attempt}.{}", super::PLAN_EXTENSION)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn stem(name: &str) -> String {
        let mut plan = Plan::new(date(2026, 11, 25));
        plan.client.name = name.into();
        file_stem_for(&plan)
    }

    #[test]
    fn readable_name_from_client_and_date() {
        assert_eq!(stem("Anna Berg"), "anna-berg-2026-11-25");
        assert_eq!(
            stem("  Zoë  Müller-Lüdenscheidt "),
            "zoë-müller-lüdenscheidt-2026-11-25"
        );
    }

    #[test]
    fn hostile_names_stay_one_safe_component() {
        for name in [
            "../../etc/passwd",
            "/absolute/path",
            "C:\\Windows\\system32",
            "CON",
            "nul",
            "a\u{0}b\u{7}c\n",
            "...",
            "",
            &"x".repeat(10_000),
        ] {
            let s = stem(name);
            assert!(
                !s.contains('/') && !s.contains('\\') && !s.contains(".."),
                "{s}"
            );
            assert!(!s.chars().any(char::is_control), "{s}");
            assert!(s.chars().count() <= MAX_CLIENT_CHARS + 11, "{s}");
            assert!(s.ends_with("-2026-11-25"));
            // A Windows device name is never the whole stem: the date follows it.
            assert_ne!(s.to_uppercase(), "CON");
        }
        assert_eq!(stem("..."), "unnamed-client-2026-11-25");
    }

    #[test]
    fn further_plans_the_same_day_are_numbered() {
        let mut plan = Plan::new(date(2026, 1, 2));
        plan.client.name = "Bo".into();
        assert_eq!(file_name_for(&plan, 1), "bo-2026-01-02.ron");
        assert_eq!(file_name_for(&plan, 3), "bo-2026-01-02-3.ron");
    }
}
