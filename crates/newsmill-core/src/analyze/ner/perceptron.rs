//! The averaged perceptron's weights while training: a hashed table of `buckets × labels`
//! weights, with the running sums that give the averaged weights at the end (Daumé's trick:
//! `avg = w - u / c`, so an update costs the same as in the plain perceptron).

use super::decode::Weights;
use super::features::N_LABELS;

pub struct Perceptron {
    w: Vec<f32>,
    /// Sum of `c * update`, for the average.
    u: Vec<f64>,
    mask: usize,
    /// Examples seen so far.
    c: f64,
}

impl Perceptron {
    pub fn new(bits: u32) -> Perceptron {
        let buckets = 1usize << bits;
        Perceptron { w: vec![0.0; buckets * N_LABELS], u: vec![0.0; buckets * N_LABELS], mask: buckets - 1, c: 1.0 }
    }

    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// Moves the weights of `features` towards `gold` and away from `pred`.
    pub fn update(&mut self, features: &[u64], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        for &f in features {
            let row = (f as usize & self.mask) * N_LABELS;
            self.w[row + gold] += 1.0;
            self.u[row + gold] += self.c;
            self.w[row + pred] -= 1.0;
            self.u[row + pred] -= self.c;
        }
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        self.w.iter().zip(&self.u).map(|(&w, &u)| (w as f64 - u / self.c) as f32).collect()
    }
}

impl Weights for Perceptron {
    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; N_LABELS]) {
        let row = (feature as usize & self.mask) * N_LABELS;
        for (s, w) in scores.iter_mut().zip(&self.w[row..row + N_LABELS]) {
            *s += w;
        }
    }
}
