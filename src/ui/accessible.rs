//! Accessible names for controls that have no visible label of their own,
//! so screen readers (and the kittest tests) can find them.

use egui::Response;

pub fn name_widget(response: &Response, name: impl Into<String>) {
    let name = name.into();
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}
