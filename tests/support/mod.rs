//! Helpers shared by the integration tests. Each test file uses only some.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

pub mod captured_shapes;
pub mod examples;
pub mod modals;
pub mod pdf;
