/** otpkit bench module (work in progress). */
package dev.otpkit.bench;
