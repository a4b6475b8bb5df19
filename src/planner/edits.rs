//! Applying one edit of the plan: each is one undoable change.

use super::Planner;
use super::action::{Edit, SoapPart};
use super::history::EditKey;
use super::pain_mode;
use crate::model::{Acknowledgement, Clearance, MuscleSide, Plan, Side, order_to_turn_less};

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
            Edit::StepTriggerPoint(i, v) => doc.edit(key, |p| {
                if let Some(s) = p.steps.get_mut(i) {
                    s.trigger_point = v;
                }
            }),
            Edit::StepPosition(i, v) => doc.edit(key, |p| {
                if let Some(s) = p.steps.get_mut(i) {
                    s.position = v;
                }
            }),
            Edit::TurnClientLess => {
                let order = order_to_turn_less(&doc.plan.steps);
                if order.iter().enumerate().any(|(new, old)| new != *old) {
                    doc.selected_step = doc
                        .selected_step
                        .and_then(|old| order.iter().position(|&o| o == old));
                    doc.edit(key, |p| p.steps = p.steps_turned_less());
                }
            }
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
            Edit::SplitStep(i) => {
                let Some(step) = doc.plan.steps.get(i).filter(|s| s.side == Side::Both) else {
                    return;
                };
                let mut left = step.clone();
                left.side = Side::Left;
                left.minutes = step.minutes.div_ceil(2).max(1);
                let mut right = step.clone();
                right.side = Side::Right;
                right.minutes = (step.minutes / 2).max(1);
                doc.edit(key, |p| {
                    p.steps.splice(i..=i, [left, right]);
                });
                doc.selected_step = Some(i);
            }
            Edit::PainBefore(v) => doc.edit(key, |p| p.pain_before = v),
            Edit::PainAfter(v) => doc.edit(key, |p| p.pain_after = v),
            Edit::Paint {
                when,
                view,
                cells,
                mark,
            } => {
                if pain_mode::paint_changes(&doc.plan, when, view, &cells, mark) {
                    doc.edit(key, |p| pain_mode::paint(p, when, view, &cells, mark));
                }
            }
            Edit::Erase { when, view, cells } => {
                if pain_mode::erase_changes(&doc.plan, when, view, &cells) {
                    doc.edit(key, |p| pain_mode::erase(p, when, view, &cells));
                }
            }
            Edit::ClientResponse(v) => doc.edit(key, |p| {
                if let Some(record) = &mut p.record {
                    record.client_response = v;
                }
            }),
            Edit::Soap(part, v) => doc.edit(key, |p| {
                if let Some(record) = &mut p.record {
                    let soap = &mut record.soap;
                    match part {
                        SoapPart::Subjective => soap.subjective = v,
                        SoapPart::Objective => soap.objective = v,
                        SoapPart::Assessment => soap.assessment = v,
                        SoapPart::Plan => soap.plan = v,
                    }
                }
            }),
            Edit::Acknowledge(ack) => {
                let level = self.rules.set.get(&ack.rule).map(|r| r.level);
                let refused = match level {
                    Some(level) if !level.can_be_acknowledged() => Some(
                        "An emergency cannot be acknowledged: send the client to the emergency department.",
                    ),
                    Some(level)
                        if level.needs_clearance()
                            && !ack.clearance.as_ref().is_some_and(Clearance::is_complete) =>
                    {
                        Some(
                            "A Refer out is acknowledged only with a clearance: who cleared the client, and when.",
                        )
                    }
                    _ => None,
                };
                if let Some(reason) = refused {
                    self.message = reason.to_string();
                    return;
                }
                let same = doc.plan.acknowledged.contains(&ack);
                if !same {
                    // One acknowledgement per rule and region: a new
                    // decision replaces one made on other conditions.
                    doc.edit(key, |p| {
                        p.acknowledged.retain(|a| !a.is_for(&ack.rule, ack.region));
                        p.acknowledged.push(ack);
                    });
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
            Edit::Clearance {
                rule,
                region,
                clearance,
            } => {
                // Emptying who cleared reopens the finding: screening honours
                // a Refer out only with someone named.
                doc.edit(key, |p| {
                    if let Some(ack) = acknowledgement_mut(p, &rule, region) {
                        ack.clearance = Some(clearance);
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
