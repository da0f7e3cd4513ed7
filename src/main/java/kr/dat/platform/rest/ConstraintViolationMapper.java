package kr.dat.platform.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bean Validation failures become the contract's 422 list, one entry per problem. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final Set<String> SECRET_FIELDS = Set.of("password", "admin_code", "refresh_token");

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ValidationError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(toError(v));
        }
        errors.sort(Comparator.comparing(err -> err.loc().toString()));
        return ValidationError.response(errors);
    }

    static ValidationError toError(ConstraintViolation<?> v) {
        List<Object> loc = location(v.getPropertyPath());
        String field = String.valueOf(loc.get(loc.size() - 1));
        Object input = SECRET_FIELDS.contains(field) ? null : v.getInvalidValue();
        Annotation a = v.getConstraintDescriptor().getAnnotation();
        Set<Class<? extends jakarta.validation.Payload>> payload = v.getConstraintDescriptor().getPayload();

        if (a instanceof NotNull || v.getInvalidValue() == null) {
            return new ValidationError("missing", loc, "Field required", null, null);
        }
        if (payload.contains(ErrorType.Enum.class)) {
            return new ValidationError("enum", loc, v.getMessage(), input, null);
        }
        if (payload.contains(ErrorType.ValueError.class)) {
            return new ValidationError("value_error", loc, "Value error, " + v.getMessage(), input, null);
        }
        if (a instanceof Size size && v.getInvalidValue() instanceof CharSequence s) {
            if (s.length() < size.min()) {
                return new ValidationError("string_too_short", loc,
                        "String should have at least " + size.min() + " characters", input,
                        Map.of("min_length", size.min()));
            }
            return new ValidationError("string_too_long", loc,
                    "String should have at most " + size.max() + " characters", input,
                    Map.of("max_length", size.max()));
        }
        if (a instanceof Min min) {
            return new ValidationError("greater_than_equal", loc,
                    "Input should be greater than or equal to " + min.value(), input, Map.of("ge", min.value()));
        }
        if (a instanceof Max max) {
            return new ValidationError("less_than_equal", loc,
                    "Input should be less than or equal to " + max.value(), input, Map.of("le", max.value()));
        }
        return new ValidationError("value_error", loc, "Value error, " + v.getMessage(), input, null);
    }

    /** {@code ["body", "login_id"]} for a field of the request body, {@code ["body"]} for the body itself. */
    private static List<Object> location(Path path) {
        String property = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                property = node.getName();
            }
        }
        return property == null ? List.of("body") : List.of("body", snake(property));
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
