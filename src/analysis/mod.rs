//! What the workbench works out from evaluated plans: how they compare
//! (plans-and-levers §3). Pure functions of the model and the evaluation.

pub mod compare;
