/** otpkit cli module (work in progress). */
package dev.otpkit.cli;
