package org.planwatch.api.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planwatch.problem.InvalidFieldException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The limits every service puts on what it is sent, so that no text, list or parameter is unbounded: the API
 * documents declare them (a request field's own {@code @Size} is tighter still), and nothing longer is ever stored,
 * so nothing longer is ever returned. A request over a limit is refused 400, naming the field.
 */
public final class InputLimits {

    /** Any one text in a request body, as long as an action's text may be. */
    public static final int MAX_TEXT_LENGTH = 4000;
    /** Names, titles, types: the short strings of problem details. */
    public static final int MAX_NAME_LENGTH = 1000;
    /** Any one list in a request body or answer page. */
    public static final int MAX_ITEMS = 1000;
    /** An id or other value in the path. */
    public static final int MAX_PATH_VARIABLE_LENGTH = 200;
    /** One query parameter's value. */
    public static final int MAX_QUERY_LENGTH = 1000;

    private InputLimits() {
    }

    /** Path variables and query parameters, checked before the handler runs. */
    public static final class Parameters implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value),
                        MAX_PATH_VARIABLE_LENGTH));
            }
            request.getParameterMap().forEach((name, values) -> {
                for (String value : values) {
                    check(name, value, MAX_QUERY_LENGTH);
                }
            });
            return true;
        }
    }

    /** Every text and list of a request body read into records, however deep. */
    @ControllerAdvice
    public static final class Bodies extends RequestBodyAdviceAdapter {

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                    Class<? extends HttpMessageConverter<?>> converterType) {
            walk("", body, 0);
            return body;
        }

        private static void walk(String path, Object value, int depth) {
            walk(path, value, depth, false, false);
        }

        /**
         * {@code declared}: the field declares its own {@code @Size}, checked (and reported together
         * with every other invalid field) when the body is validated; {@code itemsDeclared}: so do its items.
         */
        private static void walk(String path, Object value, int depth, boolean declared, boolean itemsDeclared) {
            if (value == null || depth > 16) {
                return;
            }
            if (value instanceof CharSequence text) {
                if (!declared) {
                    check(path.isEmpty() ? "body" : path, text.toString(), MAX_TEXT_LENGTH);
                }
            } else if (value instanceof Optional<?> optional) {
                optional.ifPresent(present -> walk(path, present, depth + 1, declared || itemsDeclared, false));
            } else if (value instanceof Collection<?> items) {
                if (!declared && items.size() > MAX_ITEMS) {
                    throw new InvalidFieldException(path, "has " + items.size() + " items; at most " + MAX_ITEMS);
                }
                int index = 0;
                for (Object item : items) {
                    walk(path + "[" + index++ + "]", item, depth + 1, itemsDeclared, false);
                }
            } else if (value instanceof Map<?, ?> map) {
                if (!declared && map.size() > MAX_ITEMS) {
                    throw new InvalidFieldException(path, "has " + map.size() + " entries; at most " + MAX_ITEMS);
                }
                map.forEach((key, item) -> walk(path.isEmpty() ? String.valueOf(key) : path + "." + key, item,
                        depth + 1, itemsDeclared, false));
            } else if (value instanceof Record record) {
                for (Component component : COMPONENTS.get(record.getClass())) {
                    try {
                        walk(path.isEmpty() ? component.name() : path + "." + component.name(),
                                component.accessor().invoke(record), depth + 1, component.declared(),
                                component.itemsDeclared());
                    } catch (ReflectiveOperationException unreadable) {
                        throw new IllegalStateException("cannot read " + component.name(), unreadable);
                    }
                }
            }
        }

        /** A record's component as the walk reads it; looked up once per record class, not on every request. */
        private record Component(String name, Method accessor, boolean declared, boolean itemsDeclared) {
        }

        private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
            @Override
            protected List<Component> computeValue(Class<?> type) {
                return Arrays.stream(type.getRecordComponents()).map(component -> {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    return new Component(component.getName(), accessor,
                            constrained(component.getAnnotations())
                                    || constrained(component.getAnnotatedType().getAnnotations()),
                            itemsConstrained(component.getAnnotatedType()));
                }).toList();
            }
        };

        private static boolean constrained(Annotation[] annotations) {
            return Arrays.stream(annotations).anyMatch(annotation ->
                    annotation.annotationType().getName().equals("jakarta.validation.constraints.Size"));
        }

        private static boolean itemsConstrained(AnnotatedType type) {
            return type instanceof AnnotatedParameterizedType generic && Arrays.stream(
                    generic.getAnnotatedActualTypeArguments()).anyMatch(argument -> constrained(argument.getAnnotations()));
        }
    }

    private static void check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidFieldException(field, "is " + value.length() + " characters long; at most " + max);
        }
    }
}
