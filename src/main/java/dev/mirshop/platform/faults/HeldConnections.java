package dev.mirshop.platform.faults;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The storefront connections the fault db-pool-exhaustion holds idle. The faults' own state lives in that pool too, so
 * while the fault holds all of it the fault store borrows one of these: an operator can still switch faults (this one
 * included) and the registry keeps reading their state, where the shoppers' requests wait for a connection.
 */
@ApplicationScoped
public class HeldConnections {

    private final Deque<Connection> idle = new ArrayDeque<>();
    private int lent;

    /** Connections held, lent ones included. */
    synchronized int size() {
        return idle.size() + lent;
    }

    synchronized void hold(Connection connection) {
        idle.push(connection);
    }

    /** One idle held connection, for its holder to close (none while all are lent). */
    synchronized Optional<Connection> release() {
        return Optional.ofNullable(idle.poll());
    }

    synchronized List<Connection> releaseAll() {
        List<Connection> all = new ArrayList<>(idle);
        idle.clear();
        return all;
    }

    /** A held connection lent to the fault store; closing it gives it back to the fault. */
    synchronized Optional<Connection> borrow() {
        Connection held = idle.poll();
        if (held == null) {
            return Optional.empty();
        }
        lent++;
        return Optional.of((Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        giveBack(held);
                        return null;
                    }
                    try {
                        return method.invoke(held, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    private synchronized void giveBack(Connection held) {
        lent--;
        idle.push(held);
    }
}
