//! Helpers shared by the integration tests. Each test binary uses a part
//! of them, so unused ones are not warned about.
#![allow(dead_code)]

pub mod pdf_text;
