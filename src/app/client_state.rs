//! The record of the open plan's client, the screening rules, and the client
//! record form: looked up again whenever the plan's client changes.

use std::path::{Path, PathBuf};

use crate::model::{ClientRecord, Plan};
use crate::screening::{RuleSet, Warning, screen};
use crate::store;

#[derive(Debug, Default)]
pub struct ClientState {
    /// The folder and client name the record was looked up for.
    looked_up: Option<(PathBuf, String)>,
    pub record: Option<ClientRecord>,
    /// Why the record could not be read; warnings then lack its conditions.
    pub error: Option<String>,
    /// The record being edited in the client form.
    pub draft: Option<ClientRecord>,
}

/// The folder whose `clients/` holds the record for a plan: the plan
/// file's own folder when it has a record there, else the plans folder.
pub fn client_folder(plans_dir: &Path, plan_file: Option<&Path>, client_name: &str) -> PathBuf {
    plan_file
        .and_then(Path::parent)
        .filter(|dir| !dir.as_os_str().is_empty())
        .filter(|dir| store::client_record_path(dir, client_name).exists())
        .map_or_else(|| plans_dir.to_path_buf(), Path::to_path_buf)
}

impl ClientState {
    /// Looks the record up again if the plan's client or folder changed.
    pub fn follow(&mut self, folder: &Path, client_name: &str) {
        let unchanged = self
            .looked_up
            .as_ref()
            .is_some_and(|(dir, name)| dir == folder && name == client_name);
        if !unchanged {
            self.reload(folder, client_name);
        }
    }

    pub fn reload(&mut self, folder: &Path, client_name: &str) {
        self.looked_up = Some((folder.to_path_buf(), client_name.to_string()));
        match store::find_client_record(folder, client_name) {
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
