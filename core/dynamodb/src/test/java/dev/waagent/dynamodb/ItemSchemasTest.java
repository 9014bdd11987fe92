package dev.waagent.dynamodb;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declared schemas ({@link ItemSchemas}) against what {@code TableSchema.fromBean} derives from the item classes:
 * a property added to an item but not declared, or declared with another name, type or key role, fails here.
 */
class ItemSchemasTest {

    static Stream<Arguments> items() {
        return Stream.of(
                Arguments.of(ConversationTableItem.class, ItemSchemas.CONVERSATION),
                Arguments.of(TenantItem.class, ItemSchemas.TENANT));
    }

    @ParameterizedTest
    @MethodSource("items")
    <T> void everyBeanPropertyIsDeclaredAsAnAttribute(Class<T> type, TableSchema<T> declared) throws Exception {
        Set<String> properties = Arrays.stream(Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors())
                .filter(p -> p.getReadMethod() != null && p.getWriteMethod() != null)
                .map(PropertyDescriptor::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(declared.attributeNames())).isEqualTo(properties);
        assertThat(new TreeSet<>(declared.attributeNames()))
                .isEqualTo(new TreeSet<>(TableSchema.fromBean(type).attributeNames()));
    }

    @ParameterizedTest
    @MethodSource("items")
    <T> void keysAndIndexesAreTheSameAsTheAnnotatedBeans(Class<T> type, TableSchema<T> declared) {
        TableMetadata expected = TableSchema.fromBean(type).tableMetadata();
        TableMetadata actual = declared.tableMetadata();

        assertThat(actual.primaryPartitionKey()).isEqualTo(expected.primaryPartitionKey());
        assertThat(actual.primarySortKey()).isEqualTo(expected.primarySortKey());
        assertThat(actual.indices()).hasSameSizeAs(expected.indices());
        for (var index : expected.indices()) {
            assertThat(actual.indexPartitionKey(index.name())).isEqualTo(expected.indexPartitionKey(index.name()));
            assertThat(actual.indexSortKey(index.name())).isEqualTo(expected.indexSortKey(index.name()));
        }
    }

    @ParameterizedTest
    @MethodSource("items")
    <T> void aFullyPopulatedItemIsWrittenAndReadExactlyAsTheBeanSchemaDoes(Class<T> type, TableSchema<T> declared)
            throws Exception {
        T item = populated(type);
        TableSchema<T> bean = TableSchema.fromBean(type);

        Map<String, AttributeValue> written = declared.itemToMap(item, true);
        assertThat(written).isEqualTo(bean.itemToMap(item, true));
        assertThat(written).hasSize(declared.attributeNames().size());
        // Read back with the declared schema, written again with the bean schema: nothing lost or changed.
        assertThat(bean.itemToMap(declared.mapToItem(written), true)).isEqualTo(written);
    }

    private static boolean listOfMaps(PropertyDescriptor property) {
        return property.getReadMethod().getGenericReturnType() instanceof java.lang.reflect.ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof java.lang.reflect.ParameterizedType element
                && element.getRawType() == Map.class;
    }

    /** Every property set to a value of its type that differs from the others'. */
    private static <T> T populated(Class<T> type) throws Exception {
        T item = type.getDeclaredConstructor().newInstance();
        int n = 0;
        for (PropertyDescriptor property : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
            Method setter = property.getWriteMethod();
            if (setter == null) {
                continue;
            }
            n++;
            Class<?> t = property.getPropertyType();
            Object value;
            if (t == String.class) {
                value = property.getName() + "-" + n;
            } else if (t == Long.class) {
                value = 1_700_000_000_000L + n;
            } else if (t == Integer.class) {
                value = n;
            } else if (t == Double.class) {
                value = n + 0.25;
            } else if (t == Boolean.class) {
                value = n % 2 == 0;
            } else if (t == List.class && listOfMaps(property)) {
                value = List.of(Map.of("k-" + n, "v-" + n), Map.of("k2-" + n, "v2-" + n));
            } else if (t == List.class) {
                value = List.of("a-" + n, "b-" + n);
            } else if (t == Map.class) {
                value = Map.of("k-" + n, "v-" + n);
            } else {
                throw new AssertionError("no sample value for " + property.getName() + " of " + t
                        + ": extend this test and ItemSchemas");
            }
            setter.invoke(item, value);
        }
        return item;
    }
}
