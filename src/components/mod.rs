//! Widgets shared by several pages.

pub mod chart;
pub mod clipboard;
pub mod copy_link;
pub mod data_view;
pub mod error_panel;
pub mod file_input;
pub mod footer;
pub mod header;
pub mod landing;
pub mod lazy;
pub mod page;
pub mod salary_field;
pub mod search;
pub mod source_ref;
pub mod standing_table;
pub mod theme_toggle;
pub mod url_state;
