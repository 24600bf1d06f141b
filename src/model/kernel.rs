//! All of a model's drivers compiled into one straight-line program over
//! registers: the simulation evaluates every driver every year, hundreds of
//! thousands of times in a Monte Carlo, so the drivers run as one loop of
//! two-operand steps rather than one small interpreter per driver.
//!
//! Registers 0..12 hold the attributes; each step writes a new register. The
//! steps do the arithmetic of [`Expr::eval`] in the same order (a `min` of
//! several arguments folds left to right), so the results are bit-identical.
//!
//! Most drivers read only attributes that stay fixed between plan entries;
//! only those that read demand for improvement or firm capability (the
//! simulation's state) change every year. The steps are split accordingly,
//! and [`Kernel::eval`] reruns the fixed ones only when an attribute changed.

use super::expr::Expr;
use crate::attribute::{Attribute, Attributes};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Not { to: u16, x: u16 },
    Min { to: u16, a: u16, b: u16 },
    Max { to: u16, a: u16, b: u16 },
}

/// The most registers a kernel may use (a power of two, see [`run`]). A model
/// file whose drivers need more (far beyond any sensible model) is evaluated
/// driver by driver instead.
pub const MAX_REGISTERS: usize = 256;

/// The attributes the simulation replaces by its state every year.
const STATE: [Attribute; 2] = [Attribute::DemandForImprovement, Attribute::FirmCapability];

/// The drivers of a model as one program.
#[derive(Debug, Clone, PartialEq)]
pub struct Kernel {
    /// Steps that read only attributes outside the state.
    fixed: Vec<Step>,
    /// Steps that read the state, directly or through another step.
    moving: Vec<Step>,
    /// The register holding each driver's value, in driver order.
    outputs: Vec<u16>,
    /// Which registers depend on the state.
    depends: Vec<bool>,
}

impl Kernel {
    /// Compiles `exprs`, or `None` when they need more than
    /// [`MAX_REGISTERS`] registers.
    pub fn compile<'a>(exprs: impl IntoIterator<Item = &'a Expr>) -> Option<Kernel> {
        let mut k = Kernel {
            fixed: Vec::new(),
            moving: Vec::new(),
            outputs: Vec::new(),
            depends: Attribute::ALL.iter().map(|a| STATE.contains(a)).collect(),
        };
        for e in exprs {
            let r = k.emit(e)?;
            k.outputs.push(r);
        }
        Some(k)
    }

    /// A new register for a step reading `inputs`, and the step put where it
    /// belongs.
    fn push(&mut self, inputs: &[u16], step: impl FnOnce(u16) -> Step) -> Option<u16> {
        if self.depends.len() >= MAX_REGISTERS {
            return None;
        }
        let to = u16::try_from(self.depends.len()).ok()?;
        let moving = inputs.iter().any(|&i| self.depends[i as usize]);
        self.depends.push(moving);
        let step = step(to);
        if moving {
            self.moving.push(step);
        } else {
            self.fixed.push(step);
        }
        Some(to)
    }

    fn emit(&mut self, e: &Expr) -> Option<u16> {
        Some(match e {
            Expr::Attr(a) => a.index() as u16,
            Expr::Not(x) => {
                let x = self.emit(x)?;
                self.push(&[x], |to| Step::Not { to, x })?
            }
            Expr::Min(args) | Expr::Max(args) => {
                let is_min = matches!(e, Expr::Min(_));
                let mut iter = args.iter();
                let mut acc = self.emit(iter.next()?)?;
                for arg in iter {
                    let b = self.emit(arg)?;
                    let a = acc;
                    acc = self.push(&[a, b], |to| {
                        if is_min {
                            Step::Min { to, a, b }
                        } else {
                            Step::Max { to, a, b }
                        }
                    })?;
                }
                acc
            }
        })
    }

    /// Every driver's value on these attributes, written to `out` (one per
    /// driver, in order). `scratch` is working space, reused between calls:
    /// the steps that do not read the state run again only when an attribute
    /// outside the state differs from the last call.
    pub fn eval(&self, a: &Attributes, scratch: &mut Scratch, out: &mut [f64]) {
        let unchanged = scratch.last.is_some_and(|last| {
            last.0
                .iter()
                .zip(&a.0)
                .zip(&self.depends)
                .all(|((x, y), &state)| state || x.to_bits() == y.to_bits())
        });
        let r = &mut scratch.registers;
        r[..Attribute::COUNT].copy_from_slice(&a.0);
        if !unchanged {
            run(&self.fixed, r);
            scratch.last = Some(*a);
        }
        run(&self.moving, r);
        for (o, &reg) in out.iter_mut().zip(&self.outputs) {
            *o = r[at(reg)];
        }
    }
}

/// A register index for the fixed-size register file: every index is below
/// MAX_REGISTERS (compile checks it), so masking changes nothing, and it lets
/// the compiler drop the bounds checks of the inner loop.
fn at(i: u16) -> usize {
    i as usize & (MAX_REGISTERS - 1)
}

fn run(steps: &[Step], r: &mut [f64; MAX_REGISTERS]) {
    for step in steps {
        match *step {
            Step::Not { to, x } => r[at(to)] = 1.0 - r[at(x)],
            Step::Min { to, a, b } => r[at(to)] = r[at(a)].min(r[at(b)]),
            Step::Max { to, a, b } => r[at(to)] = r[at(a)].max(r[at(b)]),
        }
    }
}

/// The registers of a kernel, kept between evaluations so that a simulation
/// allocates them once, and so that steps whose inputs did not change need
/// not run again.
#[derive(Debug)]
pub struct Scratch {
    registers: Box<[f64; MAX_REGISTERS]>,
    /// The attributes of the last evaluation.
    last: Option<Attributes>,
}

impl Scratch {
    /// Registers for any kernel.
    pub fn new() -> Scratch {
        Scratch {
            registers: Box::new([0.0; MAX_REGISTERS]),
            last: None,
        }
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kernel_gives_the_bits_of_the_expressions() {
        let texts = [
            "min(cluster_size, not competition_pressure)",
            "max(knowledge_fora, associations, min(cluster_size, firm_capability))",
            "min(associations, learning_focus, max(public_support, cluster_size))",
            "not not skilled_labour",
            "max(external_buyers, knowledge_fora, min(public_support, demand_for_improvement))",
        ];
        let exprs: Vec<Expr> = texts.iter().map(|t| Expr::parse(t).unwrap()).collect();
        let k = Kernel::compile(&exprs).unwrap();
        let mut scratch = Scratch::new();
        let mut out = [0.0; 5];
        for seed in 0..400u64 {
            let mut a = Attributes(std::array::from_fn(|i| {
                ((seed * 7919 + i as u64 * 104729) % 1000) as f64 / 999.0
            }));
            // Every other call changes only the state, as a simulation does:
            // the cached steps must still give the exact values.
            if seed % 2 == 1 {
                a = Attributes(std::array::from_fn(|i| {
                    (((seed - 1) * 7919 + i as u64 * 104729) % 1000) as f64 / 999.0
                }));
                a[Attribute::FirmCapability] = (seed % 97) as f64 / 97.0;
                a[Attribute::DemandForImprovement] = (seed % 89) as f64 / 89.0;
            }
            k.eval(&a, &mut scratch, &mut out);
            for (e, o) in exprs.iter().zip(out) {
                assert_eq!(e.eval(&a).to_bits(), o.to_bits(), "seed {seed}");
            }
        }
    }
}
