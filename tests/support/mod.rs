//! Helpers shared by the integration tests. Each test file uses only some.
#![allow(dead_code)]

pub mod modals;
