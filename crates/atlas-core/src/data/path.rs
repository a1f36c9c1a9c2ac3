//! Where a value sits in the dataset, as a JSON path (`salary_bands[3].salary.max`): one type
//! for the decoder's shape errors and validation's problems, so both name places alike.

use std::fmt;

/// A JSON path under construction: `Path::root("a").index(2).field("b")` is `a[2].b`. A small
/// fixed-size value: the decoder and validation make one for every field they read and render
/// it only for an error, so building one must not allocate (allocating and freeing a string per
/// field was a good part of validation's code in the wasm).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Path {
    steps: [Step; MAX_DEPTH],
    len: usize,
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Field(&'static str),
    Index(usize),
}

/// The deepest path the model has is 7 steps (`roadmap.stages[i].items[j].related[k]`).
const MAX_DEPTH: usize = 8;

impl Path {
    /// The document itself (renders as nothing).
    pub(crate) const EMPTY: Path = Path {
        steps: [Step::Index(0); MAX_DEPTH],
        len: 0,
    };

    pub(crate) fn root(name: &'static str) -> Path {
        Path::EMPTY.field(name)
    }

    fn push(mut self, step: Step) -> Path {
        debug_assert!(self.len < MAX_DEPTH, "a dataset path deeper than MAX_DEPTH");
        if let Some(slot) = self.steps.get_mut(self.len) {
            *slot = step;
            self.len += 1;
        }
        self
    }

    pub(crate) fn field(&self, name: &'static str) -> Path {
        if name.is_empty() {
            *self
        } else {
            self.push(Step::Field(name))
        }
    }

    pub(crate) fn index(&self, i: usize) -> Path {
        self.push(Step::Index(i))
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, step) in self.steps.iter().take(self.len).enumerate() {
            match step {
                Step::Field(name) if n == 0 => f.write_str(name)?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}
