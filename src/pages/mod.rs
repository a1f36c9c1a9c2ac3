//! One module per route. Each page wraps its content in [`crate::components::page::Page`].

pub mod frameworks;
pub mod hiring;
pub mod locations;
pub mod not_found;
pub mod offers;
pub mod overview;
pub mod roadmap;
pub mod salaries;
pub mod sources;
