// Push notifications: the Expo push token goes to the devices route. In a browser there is no Expo
// push token: registration is skipped and says so.
import Constants from 'expo-constants';
import * as Device from 'expo-device';
import * as Notifications from 'expo-notifications';
import { Platform } from 'react-native';

import type { Api } from './api/client';

export async function registerForPush(api: Api, userId: number): Promise<string> {
  if (Platform.OS === 'web') return 'Push notifications are not available in the browser.';
  if (!Device.isDevice) return 'Push notifications need a physical device.';
  let { status } = await Notifications.getPermissionsAsync();
  if (status !== 'granted') ({ status } = await Notifications.requestPermissionsAsync());
  if (status !== 'granted') return 'Notifications are not allowed for this app.';
  const projectId = (Constants.expoConfig?.extra as { eas?: { projectId?: string } } | undefined)?.eas?.projectId;
  const { data: token } = await Notifications.getExpoPushTokenAsync(projectId ? { projectId } : undefined);
  const platform = Platform.OS === 'ios' || Platform.OS === 'android' ? Platform.OS : 'unknown';
  const { error } = await api.POST('/api/users/{user_id}/devices', {
    params: { path: { user_id: userId } }, body: { token, platform } });
  return error ? 'This phone could not be registered for notifications.' : 'Notifications are on for this phone.';
}
