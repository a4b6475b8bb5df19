//! The record of the open plan's client and the screening rules: looked up
//! again only when the plan's client, its file or the plans folder changes
//! (not on every edit), or when asked to.

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
        self.folder = store::client_folder(plans_dir, plan_file, client_name);
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

    /// The record to start the client form from: the saved one, or a new
    /// one for this plan's client.
    pub fn draft_for(&self, plan: &Plan) -> ClientRecord {
        match &self.record {
            Some(record) => record.clone(),
            None => ClientRecord::new(&plan.client.name, &plan.client.id),
        }
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
