/** otpkit backup module (work in progress). */
package dev.otpkit.backup;
