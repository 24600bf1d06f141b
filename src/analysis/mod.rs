//! What the workbench works out from a preset beyond its evaluation: how the
//! plans compare (plans-and-levers §3), which lever binds (§4), and what the
//! answer is worth when the attributes are uncertain (§5). Pure functions of
//! the model and the preset; threads, where used, do not change the result.

pub mod compare;
pub mod levers;
pub mod uncertainty;
