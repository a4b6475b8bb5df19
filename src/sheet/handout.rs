//! The home-care handout for the client: each muscle worked with its
//! exercise or stretch (numbered steps and a dose), the therapist's own
//! self-care advice, heat and massage-gun advice. What the client's
//! conditions left out is not printed here: the therapist is told.

use crate::course::HomeCarePlan;
use crate::model::Plan;

use super::compose::{client_name, long_date};
use super::fonts::Fonts;
use super::layout::{Frame, Op, Pager, grey};
use super::paper::Paper;
use super::prose::{BODY, BODY_BOLD, Block, LINE, SMALL, title};

/// How to print the handout.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandoutOptions {
    pub paper: Paper,
    /// In the footer of every page; usually the plan file's name.
    pub file_name: String,
}

pub(crate) fn lay_out_handout(
    plan: &Plan,
    care: &HomeCarePlan,
    options: &HandoutOptions,
    fonts: &Fonts,
) -> (Frame, Vec<Vec<Op>>) {
    let frame = Frame::for_paper(options.paper);
    let head = format!(
        "Home care · {} · {} (continued)",
        client_name(plan),
        long_date(plan.date)
    );
    let mut pager = Pager::new(fonts, frame, head);
    let mut facts = format!("After your session on {}", long_date(plan.date));
    if !plan.therapist.trim().is_empty() {
        facts.push_str(&format!(" with {}", plan.therapist.trim()));
    }
    title(&mut pager, "HOME CARE", client_name(plan), &facts);

    let mut intro = Block::new(&pager);
    intro.paragraph(
        "Gentle and regular is better than hard and rare. Stretch to a mild pull, \
         never to pain; breathe slowly. Stop an exercise that makes your pain worse \
         or brings on tingling or numbness, and tell your therapist.",
        BODY,
        grey::BLACK,
    );
    intro.gap(8.0);
    intro.place(&mut pager);

    if !care.self_care.is_empty() {
        let mut own = Block::new(&pager);
        own.heading("Your therapist's advice")
            .paragraph(&care.self_care, BODY, grey::BLACK)
            .gap(10.0);
        own.place(&mut pager);
    }

    if !care.items.is_empty() {
        let mut heading = Block::new(&pager);
        heading.heading("Your exercises");
        // The heading goes with the first exercise.
        let first_height = care
            .items
            .first()
            .map_or(0.0, |item| exercise_block(&pager, item).height());
        pager.make_room(heading.height() + first_height);
        heading.place(&mut pager);
        for item in &care.items {
            exercise_block(&pager, item).place(&mut pager);
        }
    }

    if let Some(heat) = &care.heat {
        let mut block = Block::new(&pager);
        block.heading("Heat");
        for line in heat {
            block.bullet(line);
        }
        block.gap(10.0);
        block.place(&mut pager);
    }

    let mut gun = Block::new(&pager);
    gun.heading("If you use a massage gun");
    for line in &care.massage_gun {
        gun.bullet(line);
    }
    gun.gap(10.0);
    gun.place(&mut pager);

    let mut closing = Block::new(&pager);
    closing.paragraph(
        "Call your doctor straight away if you notice numbness around your seat or \
         genitals, new trouble passing urine or controlling your bladder or bowel, or \
         weakness in your legs that gets worse.",
        SMALL,
        grey::TEXT_SECONDARY,
    );
    closing.place(&mut pager);

    (frame, pager.finish(&options.file_name))
}

fn exercise_block<'f>(pager: &Pager<'f>, item: &crate::course::HomeCareItem) -> Block<'f> {
    let mut block = Block::new(pager);
    block
        .subheading(&item.exercise.name)
        .paragraph(
            &format!("For: {}", item.for_text()),
            SMALL,
            grey::TEXT_SECONDARY,
        )
        .gap(2.0);
    for (n, step) in item.exercise.steps.iter().enumerate() {
        block.numbered(n + 1, step);
    }
    block
        .paragraph(
            &format!("How much: {}", item.exercise.dose),
            BODY_BOLD,
            grey::BLACK,
        )
        .gap(LINE * 0.8);
    block
}
