import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@madoguchi/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'staff' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'madoguchi-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}
