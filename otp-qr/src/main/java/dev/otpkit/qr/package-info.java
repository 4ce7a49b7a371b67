/** otpkit qr module (work in progress). */
package dev.otpkit.qr;
