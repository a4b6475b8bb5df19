//! The record of the open plan's client, the screening rules, and the client
//! record form: looked up again only when the plan's client, its file or the
//! plans folder changes (not on every edit), or when asked to.

use std::path::{Path, PathBuf};

use crate::model::{ClientRecord, Plan};
use crate::screening::{RuleSet, Warning, screen};
use crate::store;

/// What a lookup depends on; the same key means the same record.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Lookup {
    plans_dir: PathBuf,
    plan_file: Option<PathBuf>,
    client_name: String,
}

#[derive(Debug, Default)]
pub struct ClientState {
    looked_up: Option<Lookup>,
    /// The folder whose `clients/` holds (or will hold) the record.
    folder: PathBuf,
    pub record: Option<ClientRecord>,
    /// Why the record could not be read; warnings then lack its conditions.
    pub error: Option<String>,
    /// The record being edited in the client form.
    pub draft: Option<ClientRecord>,
}

/// The folder whose `clients/` holds the record for a plan: the plan
/// file's own folder when it has a record there, else the plans folder.
fn client_folder(plans_dir: &Path, plan_file: Option<&Path>, client_name: &str) -> PathBuf {
    plan_file
        .and_then(Path::parent)
        .filter(|dir| !dir.as_os_str().is_empty())
        .filter(|dir| store::client_record_path(dir, client_name).exists())
        .map_or_else(|| plans_dir.to_path_buf(), Path::to_path_buf)
}

impl ClientState {
    /// Looks the record up again if the plan's client, its file or the
    /// plans folder changed since the last lookup.
    pub fn follow(&mut self, plans_dir: &Path, plan_file: Option<&Path>, client_name: &str) {
        let key = Lookup {
            plans_dir: plans_dir.to_path_buf(),
            plan_file: plan_file.map(Path::to_path_buf),
            client_name: client_name.to_string(),
        };
        if self.looked_up.as_ref() == Some(&key) {
            return;
        }
        self.folder = client_folder(plans_dir, plan_file, client_name);
        self.looked_up = Some(key);
        match store::find_client_record(&self.folder, client_name) {
            Ok(record) => {
                self.record = record;
                self.error = None;
            }
            Err(e) => {
                self.record = None;
                self.error = Some(e.to_string());
            }
        }
    }

    /// The next `follow` reads the record again (it was saved, or changed
    /// on disk).
    pub fn forget(&mut self) {
        self.looked_up = None;
    }

    /// Where the record is, or is saved when there is none yet.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The form starts from the record, or a new one for this client.
    pub fn start_editing(&mut self, plan: &Plan) {
        let draft = match &self.record {
            Some(record) => record.clone(),
            None => ClientRecord::new(&plan.client.name, &plan.client.id),
        };
        self.draft = Some(draft);
    }
}

/// The screening rules in force, and where they came from.
#[derive(Debug)]
pub struct Rules {
    pub set: RuleSet,
    /// Why the folder's own rules could not be used (built-in ones are).
    pub error: Option<String>,
}

impl Rules {
    pub fn load(plans_dir: &Path) -> Rules {
        match store::load_screening_rules(plans_dir) {
            Ok((set, _)) => Rules { set, error: None },
            Err(e) => Rules {
                set: RuleSet::builtin().unwrap_or_default(),
                error: Some(format!(
                    "{e}; the built-in screening rules are used instead"
                )),
            },
        }
    }

    pub fn screen(&self, plan: &Plan, client: &ClientState) -> Vec<Warning> {
        screen(plan, client.record.as_ref(), &self.set)
    }
}
