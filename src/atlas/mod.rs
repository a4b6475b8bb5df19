//! The muscle map as data: a posterior view of the back and hips, its
//! clickable regions in two layers, landmarks, reference text, hit testing
//! and triangulation. Shared by the screen (src/ui) and the printed sheet
//! (src/sheet). No egui here.
//!
//! Coordinates: atlas units, x to the right, y down, origin top left of
//! `Atlas::size`. Posterior view: the client's left is on the viewer's left.
