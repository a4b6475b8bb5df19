//! One client's sessions, oldest first, read from the plans library.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::model::{ClientRecord, Pain, Plan};
use crate::store::{self, FileError, Library};

/// One session of the course: its plan and the file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub path: PathBuf,
    pub plan: Plan,
}

impl Session {
    pub fn date(&self) -> Date {
        self.plan.date
    }

    /// Minutes worked: what the session record says was done when the
    /// session has run, else the planned minutes.
    pub fn minutes(&self) -> u32 {
        match &self.plan.record {
            Some(record) => u32::try_from(record.total_seconds().div_ceil(60)).unwrap_or(u32::MAX),
            None => self.plan.total_minutes(),
        }
    }

    pub fn steps(&self) -> usize {
        self.plan.steps.len()
    }

    pub fn pain_before(&self) -> Option<&Pain> {
        self.plan.pain_before.as_ref()
    }

    pub fn pain_after(&self) -> Option<&Pain> {
        self.plan.pain_after.as_ref()
    }
}

/// Every session of one client, oldest first, with the client's record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Course {
    /// The client's name as the newest plan spells it.
    pub client: String,
    pub sessions: Vec<Session>,
    pub record: Option<ClientRecord>,
}

#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    #[error("no plan in {} is for a client matching \"{query}\"", .dir.display())]
    NoMatch { query: String, dir: PathBuf },
    #[error(
        "\"{query}\" matches more than one client ({}); give more of the name",
        .clients.join(", ")
    )]
    SeveralClients { query: String, clients: Vec<String> },
    #[error(transparent)]
    File(#[from] FileError),
}

impl Course {
    /// A course of these plans (any order); the client named by the newest.
    pub fn from_sessions(mut sessions: Vec<Session>, record: Option<ClientRecord>) -> Course {
        sessions.sort_by(|a, b| a.date().cmp(&b.date()).then_with(|| a.path.cmp(&b.path)));
        let client = sessions
            .last()
            .map(|s| s.plan.client.name.trim().to_owned())
            .unwrap_or_default();
        Course {
            client,
            sessions,
            record,
        }
    }

    pub fn first_date(&self) -> Option<Date> {
        self.sessions.first().map(Session::date)
    }

    pub fn last_date(&self) -> Option<Date> {
        self.sessions.last().map(Session::date)
    }

    /// The newest session: the one to continue from.
    pub fn last(&self) -> Option<&Session> {
        self.sessions.last()
    }
}

/// The course of the one client whose name (or id) contains every word of
/// `query`, case ignored, as `list --client` matches names. When several
/// clients match, one whose name is exactly the query wins; otherwise
/// the error names them. Conflict copies are left out (they repeat a
/// session); a plan that does not load is an error naming its file.
pub fn load_course(
    library: &Library,
    plans_dir: &Path,
    query: &str,
) -> Result<Course, CourseError> {
    let matching: Vec<_> = library
        .entries
        .iter()
        .filter(|e| e.conflict_copy_of().is_none())
        .filter_map(|e| e.plan.as_ref().ok().map(|summary| (e, summary)))
        .filter(|(_, summary)| summary.matches_client(query))
        .collect();
    let mut keys: Vec<&str> = matching.iter().map(|(_, s)| s.client_key()).collect();
    keys.sort_unstable();
    keys.dedup();
    let wanted = query.trim().to_lowercase();
    let key = match keys.as_slice() {
        [] => {
            return Err(CourseError::NoMatch {
                query: query.to_owned(),
                dir: plans_dir.to_path_buf(),
            });
        }
        [one] => (*one).to_owned(),
        several if several.contains(&wanted.as_str()) => wanted,
        _ => {
            let mut clients: Vec<String> = Vec::new();
            for (_, summary) in &matching {
                if !clients.iter().any(|c| c == summary.client()) {
                    clients.push(summary.client().to_owned());
                }
            }
            return Err(CourseError::SeveralClients {
                query: query.to_owned(),
                clients,
            });
        }
    };
    let mut sessions = Vec::new();
    for (entry, _) in matching.iter().filter(|(_, s)| s.client_key() == key) {
        let plan = store::load_plan(&entry.path)?;
        sessions.push(Session {
            path: entry.path.clone(),
            plan,
        });
    }
    let mut course = Course::from_sessions(sessions, None);
    if let Some(newest) = course.last() {
        course.record =
            store::client_record_for_plan_file(&newest.path, plans_dir, &newest.plan.client.name)?;
    }
    Ok(course)
}
