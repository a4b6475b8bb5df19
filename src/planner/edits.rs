//! Applying one edit of the plan: each is one undoable change.

use super::Planner;
use super::action::Edit;
use super::history::EditKey;
use crate::model::{Acknowledgement, MuscleSide, Plan};

impl Planner {
    pub(super) fn edit(&mut self, edit: Edit) {
        let key = EditKey::of(&edit);
        let doc = &mut self.doc;
        match edit {
            Edit::ClientName(v) => doc.edit(key, |p| p.client.name = v),
            Edit::ClientId(v) => doc.edit(key, |p| p.client.id = v),
            Edit::Date(v) => doc.edit(key, |p| p.date = v),
            Edit::Therapist(v) => doc.edit(key, |p| p.therapist = v),
            Edit::SessionMinutes(v) => {
                doc.edit(key, |p| p.session_minutes = v);
            }
            Edit::Goals(v) => doc.edit(key, |p| p.goals = v),
            Edit::Precautions(v) => doc.edit(key, |p| p.precautions = v),
            Edit::SelfCare(v) => doc.edit(key, |p| p.self_care = v),
            Edit::StepSide(i, v) => doc.edit(key, |p| {
                if let Some(s) = p.steps.get_mut(i) {
                    s.side = v;
                }
            }),
            Edit::StepTechnique(i, v) => {
                self.settings.defaults.technique = v;
                doc.edit(key, |p| {
                    if let Some(s) = p.steps.get_mut(i) {
                        s.technique = v;
                    }
                });
            }
            Edit::StepPressure(i, v) => {
                self.settings.defaults.pressure = v;
                doc.edit(key, |p| {
                    if let Some(s) = p.steps.get_mut(i) {
                        s.pressure = v;
                    }
                });
            }
            Edit::StepMinutes(i, v) => doc.edit(key, |p| {
                if let Some(s) = p.steps.get_mut(i) {
                    s.minutes = v;
                }
            }),
            Edit::StepNotes(i, v) => doc.edit(key, |p| {
                if let Some(s) = p.steps.get_mut(i) {
                    s.notes = v;
                }
            }),
            Edit::MoveStep { from, to } => {
                let len = doc.plan.steps.len();
                if from < len && to < len && from != to {
                    doc.edit(key, |p| {
                        let step = p.steps.remove(from);
                        p.steps.insert(to, step);
                    });
                    doc.selected_step = Some(to);
                }
            }
            Edit::DuplicateStep(i) => {
                if let Some(step) = doc.plan.steps.get(i).cloned() {
                    doc.edit(key, |p| p.steps.insert(i + 1, step));
                    doc.selected_step = Some(i + 1);
                }
            }
            Edit::RemoveStep(i) => {
                if i < doc.plan.steps.len() {
                    doc.edit(key, |p| {
                        p.steps.remove(i);
                    });
                    doc.selected_step = None;
                }
            }
            Edit::PainBefore(v) => doc.edit(key, |p| p.pain_before = v),
            Edit::PainAfter(v) => doc.edit(key, |p| p.pain_after = v),
            Edit::Acknowledge(ack) => {
                if doc.plan.acknowledgement(&ack.rule, ack.region).is_none() {
                    doc.edit(key, |p| p.acknowledged.push(ack));
                }
            }
            Edit::Unacknowledge { rule, region } => {
                if doc.plan.acknowledgement(&rule, region).is_some() {
                    doc.edit(key, |p| {
                        p.acknowledged.retain(|a| !a.is_for(&rule, region));
                    });
                }
            }
            Edit::AcknowledgementNote { rule, region, note } => {
                doc.edit(key, |p| {
                    if let Some(ack) = acknowledgement_mut(p, &rule, region) {
                        ack.note = note;
                    }
                });
            }
        }
    }
}

fn acknowledgement_mut<'a>(
    plan: &'a mut Plan,
    rule: &str,
    region: Option<MuscleSide>,
) -> Option<&'a mut Acknowledgement> {
    plan.acknowledged
        .iter_mut()
        .find(|a| a.is_for(rule, region))
}
