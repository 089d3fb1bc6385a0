/** z for a two-sided 95 % interval (the normal quantile of 0.975): every ± error printed. */
export const Z95 = 1.959963984540054;
