import type { ReactNode } from 'react';
import { ActivityIndicator, Pressable, StyleSheet, Switch, Text, TextInput, View, type TextInputProps } from 'react-native';

export const colors = {
  bg: '#0f172a', card: '#1e293b', text: '#e2e8f0', dim: '#94a3b8', accent: '#38bdf8',
  green: '#22c55e', red: '#ef4444', amber: '#f59e0b', border: '#334155',
};

export function Screen({ title, children, testID }: { title: string; children: ReactNode; testID?: string }) {
  return (
    <View style={styles.screen} testID={testID}>
      <Text style={styles.title} accessibilityRole="header">{title}</Text>
      {children}
    </View>
  );
}

export function Card({ children, testID }: { children: ReactNode; testID?: string }) {
  return <View style={styles.card} testID={testID}>{children}</View>;
}

export function Row({ label, value, testID, color }: { label: string; value: ReactNode; testID?: string; color?: string }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <Text style={[styles.value, color ? { color } : null]} testID={testID}>{value}</Text>
    </View>
  );
}

export function Button({ title, onPress, testID, kind = 'primary', disabled, busy }: {
  title: string; onPress: () => void; testID?: string; kind?: 'primary' | 'danger' | 'plain'; disabled?: boolean; busy?: boolean;
}) {
  const bg = kind === 'danger' ? colors.red : kind === 'plain' ? 'transparent' : colors.accent;
  return (
    <Pressable accessibilityRole="button" testID={testID} disabled={disabled || busy} onPress={onPress}
      style={[styles.button, { backgroundColor: bg, opacity: disabled ? 0.5 : 1 },
        kind === 'plain' ? { borderWidth: 1, borderColor: colors.border } : null]}>
      {busy ? <ActivityIndicator color={colors.text} /> : <Text style={styles.buttonText}>{title}</Text>}
    </Pressable>
  );
}

export function Field(props: TextInputProps & { label: string }) {
  const { label, style, ...rest } = props;
  return (
    <View style={styles.field}>
      <Text style={styles.label}>{label}</Text>
      <TextInput placeholderTextColor={colors.dim} style={[styles.input, style]} autoCapitalize="none" {...rest} />
    </View>
  );
}

export function Toggle({ label, value, onChange, testID }: { label: string; value: boolean; onChange: (v: boolean) => void; testID?: string }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <Switch value={value} onValueChange={onChange} testID={testID} />
    </View>
  );
}

export function Choice<T extends string>({ label, options, value, onChange, testID }: {
  label: string; options: readonly T[]; value: T; onChange: (v: T) => void; testID?: string;
}) {
  return (
    <View style={styles.field}>
      <Text style={styles.label}>{label}</Text>
      <View style={styles.choices} testID={testID}>
        {options.map((o) => (
          <Pressable key={o} accessibilityRole="button" testID={testID ? `${testID}-${o}` : undefined} onPress={() => onChange(o)}
            style={[styles.choice, o === value ? { backgroundColor: colors.accent } : null]}>
            <Text style={styles.buttonText}>{o}</Text>
          </Pressable>
        ))}
      </View>
    </View>
  );
}

export function Notice({ text, kind = 'info', testID }: { text: string | null; kind?: 'info' | 'error' | 'ok'; testID?: string }) {
  if (!text) return null;
  const color = kind === 'error' ? colors.red : kind === 'ok' ? colors.green : colors.amber;
  return <Text style={[styles.notice, { color, borderColor: color }]} testID={testID} accessibilityRole="alert">{text}</Text>;
}

export const styles = StyleSheet.create({
  screen: { flex: 1, padding: 16, gap: 12 },
  title: { color: colors.text, fontSize: 22, fontWeight: '700' },
  card: { backgroundColor: colors.card, borderRadius: 10, padding: 12, gap: 6, borderWidth: 1, borderColor: colors.border },
  row: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center', gap: 8 },
  label: { color: colors.dim, fontSize: 13 },
  value: { color: colors.text, fontSize: 14, fontWeight: '600', flexShrink: 1, textAlign: 'right' },
  text: { color: colors.text, fontSize: 14 },
  button: { paddingVertical: 10, paddingHorizontal: 14, borderRadius: 8, alignItems: 'center' },
  buttonText: { color: colors.text, fontWeight: '700' },
  field: { gap: 4 },
  input: { backgroundColor: colors.card, color: colors.text, borderRadius: 8, borderWidth: 1, borderColor: colors.border,
    paddingHorizontal: 10, paddingVertical: 8, fontSize: 15 },
  choices: { flexDirection: 'row', flexWrap: 'wrap', gap: 6 },
  choice: { paddingVertical: 6, paddingHorizontal: 10, borderRadius: 6, borderWidth: 1, borderColor: colors.border },
  notice: { borderWidth: 1, borderRadius: 8, padding: 8, fontSize: 13 },
});
