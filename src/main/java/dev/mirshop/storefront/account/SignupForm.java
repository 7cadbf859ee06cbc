package dev.mirshop.storefront.account;

import dev.mirshop.platform.forms.FieldErrors;
import dev.mirshop.platform.security.PasswordPolicy;
import java.util.regex.Pattern;

/** What the signup form sent. Passwords are never echoed back into the page. */
public record SignupForm(String name, String email, String password, String passwordConfirmation) {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    public SignupForm {
        name = trim(name);
        email = trim(email);
        password = password == null ? "" : password;
        passwordConfirmation = passwordConfirmation == null ? "" : passwordConfirmation;
    }

    public FieldErrors validate() {
        FieldErrors errors = new FieldErrors();
        if (name.isEmpty()) {
            errors.add("name", "Please enter your name.");
        } else if (name.length() > 100) {
            errors.add("name", "Your name can be at most 100 characters.");
        }
        if (!isEmail(email)) {
            errors.add("email", "Please enter a valid email address, like name@example.com.");
        }
        String weak = PasswordPolicy.problem(password, email, name);
        if (weak != null) {
            errors.add("password", weak);
        }
        if (!password.equals(passwordConfirmation)) {
            errors.add("passwordConfirmation", "Passwords do not match.");
        }
        return errors;
    }

    static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
