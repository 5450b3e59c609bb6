package dev.keygate.spring;

import dev.keygate.adapter.servlet.KeygateFilter;
import dev.keygate.adapter.servlet.VerifiedKey;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method's {@link VerifiedKey} parameter the key {@link KeygateFilter} verified
 * for the request.
 */
final class VerifiedKeyArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == VerifiedKey.class;
  }

  @Override
  public VerifiedKey resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    Object key = request.getAttribute(KeygateFilter.VERIFIED_KEY, RequestAttributes.SCOPE_REQUEST);
    if (key instanceof VerifiedKey verified) {
      return verified;
    }
    throw new IllegalStateException(
        "a VerifiedKey parameter needs its path in keygate.protect: no key was verified for "
            + parameter.getExecutable());
  }
}
